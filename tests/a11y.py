"""The machinery of tests/test_accessibility.py: axe-core and the Nu HTML Checker (both from npm, pinned in
package-lock.json, installed by `make install` into node_modules/), horizontal overflow, keyboard focus and its
contrast, and the findings report (Markdown) that groups what was found by rule.

Nothing here knows the site: the same functions check the site's pages and the self-test's known-bad and
known-good pages, so a harness that stopped seeing violations would fail its self-test.
"""

import json
import os
import shutil
import subprocess
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
NODE_MODULES = PROJECT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Where the report and the saved HTML go; the fixing side reads findings.md.
REPORT_DIR = Path(os.environ.get("A11Y_REPORT_DIR") or Path(tempfile.gettempdir()) / "a11y")

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = (1366, 320)
HEIGHTS = {1366: 900, 320: 640}
FOCUS_CONTRAST = 3.0  # WCAG 2.1 1.4.11 non-text contrast, for the focus indicator of 2.4.7

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


# --- axe-core ---------------------------------------------------------------------------------------------


def axe_version():
    return json.loads((NODE_MODULES / "axe-core" / "package.json").read_text())["version"]


def vnu_version():
    return json.loads((NODE_MODULES / "vnu-jar" / "package.json").read_text())["version"]


_AXE_SOURCE = None


def run_axe(page):
    """The violations of the WCAG 2.0/2.1 A and AA rules on the page as it is now: a list of
    {id, impact, help, helpUrl, targets: [selector, ...]}. Injected with evaluate (the page's CSP does not apply)."""
    global _AXE_SOURCE
    if _AXE_SOURCE is None:
        _AXE_SOURCE = AXE_JS.read_text()
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_AXE_SOURCE)
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = page.evaluate("options => axe.run(document, options)", options)
    return [
        {
            "id": violation["id"],
            "impact": violation.get("impact") or "",
            "help": violation["help"],
            "helpUrl": violation.get("helpUrl", ""),
            "targets": [" ".join(_flat(node["target"])) for node in violation["nodes"]],
            "summary": (violation["nodes"][0].get("failureSummary") or "").replace("\n", " ")[:300],
        }
        for violation in results["violations"]
    ]


def _flat(target):
    for part in target:
        if isinstance(part, list):
            yield from _flat(part)
        else:
            yield part


def overflow(page):
    """How many CSS pixels the page is wider than the viewport (0: no horizontal scrolling)."""
    return page.evaluate(OVERFLOW)


# --- Keyboard focus ---------------------------------------------------------------------------------------

# The focused element, described; and its focus indicator once its transitions are over: the outline or box-shadow
# colour (alpha composited over what is behind it) and its contrast with the background next to it. None of these:
# no visible focus.
FOCUS_JS = r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  // The focus style as it ends up: its transitions run to their end (Bootstrap fades a field's box-shadow in).
  for (const animation of el.getAnimations()) { try { animation.finish(); } catch (infinite) { /* runs on */ } }
  const parse = text => {
    let m = /rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(text);
    if (m) {
      let a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
      return [+m[1], +m[2], +m[3], a];
    }
    m = /color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+))?\s*\)/.exec(text);
    if (m) return [m[1] * 255, m[2] * 255, m[3] * 255, m[4] === undefined ? 1 : +m[4]];
    return null;
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const background = start => {
    const layers = [];
    for (let node = start; node && node.nodeType === 1; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const luminance = c => {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const style = getComputedStyle(el);
  const outside = background(el.parentElement || el);
  const inside = background(el);
  const indicators = [];
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
    const c = parse(style.outlineColor);
    const behind = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) <= 0 ? inside : outside;
    const name = 'outline ' + style.outlineWidth + ' ' + style.outlineColor;
    if (c && c[3] > 0) indicators.push([name, contrast(over(c, behind), behind)]);
  }
  if (style.boxShadow && style.boxShadow !== 'none') {
    for (const shadow of style.boxShadow.split(/,(?![^(]*\))/)) {
      const c = parse(shadow);
      const lengths = shadow.replace(/rgba?\([^)]*\)|color\([^)]*\)/g, '').match(/-?[\d.]+px/g) || [];
      const size = lengths.slice(2).reduce((s, v) => s + Math.abs(parseFloat(v)), 0);
      if (!c || c[3] === 0 || size === 0) continue;
      const behind = /inset/.test(shadow) ? inside : outside;
      indicators.push(['box-shadow ' + shadow.trim(), contrast(over(c, behind), behind)]);
    }
  }
  indicators.sort((a, b) => b[1] - a[1]);
  const describe = node => {
    let text = node.tagName.toLowerCase();
    if (node.id) text += '#' + node.id;
    if (node.getAttribute('name')) text += '[name=' + node.getAttribute('name') + ']';
    if (node.getAttribute('type')) text += '[type=' + node.getAttribute('type') + ']';
    const label = (node.innerText || node.value || node.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ');
    return label ? text + ' "' + label.slice(0, 40) + '"' : text;
  };
  const form = el.form || el.closest('form');
  const rect = el.getBoundingClientRect();
  return {
    element: describe(el),
    tag: el.tagName.toLowerCase(),
    type: (el.getAttribute('type') || '').toLowerCase(),
    href: el.getAttribute('href') || '',
    text: (el.innerText || '').trim(),
    inNav: !!el.closest('nav, [role=navigation]'),
    inMain: !!el.closest('main, [role=main]'),
    formIndex: form ? [...document.forms].indexOf(form) : -1,
    formInMain: form ? !!form.closest('main, [role=main]') : false,
    formMethod: form ? (form.getAttribute('method') || 'get').toLowerCase() : '',
    isSubmit: (el.tagName === 'BUTTON' && (el.getAttribute('type') || 'submit') === 'submit')
      || (el.tagName === 'INPUT' && ['submit', 'image'].includes(el.type)),
    isField: ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)
      && !['submit', 'image', 'button', 'reset', 'hidden'].includes(el.type),
    onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0,
    indicator: indicators.length ? indicators[0][0] : 'none',
    contrast: indicators.length ? Math.round(indicators[0][1] * 100) / 100 : 0,
  };
}"""


def focused(page):
    return page.evaluate(FOCUS_JS)


def focus_visible(stop):
    return stop is not None and stop["onScreen"] and stop["contrast"] >= FOCUS_CONTRAST


@dataclass
class TabWalk:
    """What pressing Tab from the top of a page reached: every stop, the skip link, a main-menu link, a field of
    a form in the main content and that form's submit button (the index of each in stops, or None)."""

    stops: list = field(default_factory=list)
    skip: int | None = None
    menu: int | None = None
    field: int | None = None
    submit: int | None = None

    def invisible(self):
        """The stops up to the submit button whose focus is not visible enough."""
        end = self.submit if self.submit is not None else len(self.stops) - 1
        return [stop for stop in self.stops[: end + 1] if not focus_visible(stop)]


TOP = "a11y-tab-start"


def to_top(page):
    """Put the keyboard's starting point at the top of the page, as on a fresh load without autofocus: focus an
    unfocusable-by-Tab marker before everything (removed after the first Tab)."""
    page.evaluate(
        """id => {
            const marker = document.createElement('span');
            marker.id = id;
            marker.tabIndex = -1;
            document.body.prepend(marker);
            marker.focus({preventScroll: true});
            window.scrollTo(0, 0);
        }""",
        TOP,
    )


def tab_through(page, limit=400):
    """Press Tab from the top of the page until the submit button of a form in the main content was reached
    after one of its fields (or `limit` presses, or the focus left the page)."""
    to_top(page)
    walk = TabWalk()
    for _ in range(limit):
        page.keyboard.press("Tab")
        page.evaluate(f"() => document.getElementById('{TOP}')?.remove()")
        stop = focused(page)
        if stop is None:
            break
        index = len(walk.stops)
        walk.stops.append(stop)
        if index == 0 and stop["tag"] == "a" and stop["href"].startswith("#"):
            walk.skip = index
        if walk.menu is None and stop["inNav"] and stop["tag"] == "a" and not stop["href"].startswith("#"):
            walk.menu = index
        if walk.field is None and stop["isField"] and stop["formInMain"]:
            walk.field = index
        if walk.field is not None and stop["isSubmit"] and stop["formIndex"] == walk.stops[walk.field]["formIndex"]:
            walk.submit = index
            break
    return walk


# --- The Nu HTML Checker ----------------------------------------------------------------------------------


def java():
    return shutil.which("java")


def validate_html(files, timeout=600):
    """Errors of the Nu HTML Checker per file, one run for all files: {path: [(line, message, extract)]}."""
    files = [str(path) for path in files]
    errors = {path: [] for path in files}
    if not files:
        return errors
    command = [java(), "-Xss2m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always"]
    result = subprocess.run([*command, *files], capture_output=True, text=True, timeout=timeout, check=False)
    output = result.stderr.strip() or result.stdout.strip()
    try:
        messages = json.loads(output)["messages"]
    except (ValueError, KeyError) as error:
        raise AssertionError(f"the Nu HTML Checker said something else than JSON: {output[:2000]}") from error
    for message in messages:
        path = message.get("url", "").removeprefix("file:")
        if message.get("type") == "error" or message.get("subType") == "fatal":
            errors.setdefault(path, []).append(
                (message.get("lastLine", 0), message.get("message", ""), " ".join(message.get("extract", "").split()))
            )
    return errors


# --- The report -------------------------------------------------------------------------------------------


@dataclass
class Visit:
    """One page as one role: what it is, where, and what each check found there."""

    label: str  # the route name (with its text parts, e.g. the act), or "400 page" etc.
    url: str
    role: str
    status: int = 200
    violations: dict = field(default_factory=dict)  # width → [violation]
    overflow: dict = field(default_factory=dict)  # width → px wider than the viewport
    lang: str = ""
    html_file: str = ""
    html_errors: list = field(default_factory=list)
    error: str = ""  # a page that could not be checked


def group_violations(visits):
    """rule id → {"help", "impact", "helpUrl", "count", "pages": {(label, url): {"roles", "widths", "targets"}}}."""
    rules = {}
    for visit in visits:
        for width, violations in visit.violations.items():
            for violation in violations:
                rule = rules.setdefault(
                    violation["id"],
                    {
                        "help": violation["help"],
                        "impact": violation["impact"],
                        "helpUrl": violation["helpUrl"],
                        "count": 0,
                        "pages": {},
                        "summary": violation["summary"],
                    },
                )
                rule["count"] += len(violation["targets"])
                page = rule["pages"].setdefault(
                    visit.label, {"urls": set(), "roles": set(), "widths": set(), "targets": {}}
                )
                page["urls"].add(visit.url)
                page["roles"].add(visit.role)
                page["widths"].add(width)
                for target in violation["targets"]:
                    page["targets"][target] = page["targets"].get(target, 0) + 1
    return dict(sorted(rules.items(), key=lambda item: -item[1]["count"]))


def group_html_errors(visits):
    """message → {"count", "pages": {label: {"roles", "urls", "extracts"}}} (line numbers differ per page)."""
    found = {}
    for visit in visits:
        for line, message, extract in visit.html_errors:
            entry = found.setdefault(message, {"count": 0, "pages": {}})
            entry["count"] += 1
            page = entry["pages"].setdefault(visit.label, {"roles": set(), "urls": set(), "extracts": set()})
            page["roles"].add(visit.role)
            page["urls"].add(visit.url)
            if len(page["extracts"]) < 2:
                page["extracts"].add(f"line {line}: {extract[:120]}")
    return dict(sorted(found.items(), key=lambda item: -item[1]["count"]))


def describe_violations(visits, limit=40):
    """The assertion message: one line per (rule, page) with roles, widths and selectors."""
    lines = []
    for rule_id, rule in group_violations(visits).items():
        lines.append(f"{rule_id} ({rule['impact']}, {rule['count']}×): {rule['help']}")
        for label, page in list(rule["pages"].items())[:limit]:
            targets = ", ".join(list(page["targets"])[:4])
            lines.append(
                f"    {label} {sorted(page['urls'])[0]} as {', '.join(sorted(page['roles']))} at "
                f"{'/'.join(str(w) for w in sorted(page['widths'], reverse=True))} px: {targets}"
            )
    return "\n".join(lines)


def write_findings(visits, keyboard, timings, path=None, notes=()):
    """Markdown for the people who fix: counts per rule id, then per rule the pages, roles, widths, selectors."""
    path = Path(path or REPORT_DIR / "findings.md")
    path.parent.mkdir(parents=True, exist_ok=True)
    checked = [visit for visit in visits if not visit.error]
    rules = group_violations(checked)
    html = group_html_errors(checked)
    wide = [visit for visit in checked if visit.overflow.get(320, 0) > 0]
    labels = {visit.label for visit in checked}
    roles = sorted({visit.role for visit in checked})
    out = [
        "# Accessibility findings",
        "",
        f"Written by `tests/test_accessibility.py` on {time.strftime('%Y-%m-%d %H:%M')}: axe-core {axe_version()} "
        f"({', '.join(WCAG_TAGS)}) at {' and '.join(str(w) for w in WIDTHS)} px, the Nu HTML Checker "
        f"{vnu_version()}, horizontal scrolling at 320 px, keyboard focus. {len(checked)} pages "
        f"({len(labels)} page kinds) as {', '.join(roles)}.",
        "",
        f"Timings: {', '.join(f'{name} {seconds:.0f} s' for name, seconds in timings.items())}.",
        "",
        "## Summary",
        "",
        "| check | count | pages |",
        "|---|---|---|",
    ]
    for rule_id, rule in rules.items():
        out.append(f"| axe `{rule_id}` ({rule['impact']}) | {rule['count']} nodes | {len(rule['pages'])} page kinds |")
    out.append(f"| horizontal scroll at 320 px | {len(wide)} pages | {len({v.label for v in wide})} page kinds |")
    for message, entry in html.items():
        out.append(f"| HTML: {message[:90].replace('|', '/')} | {entry['count']} | {len(entry['pages'])} page kinds |")
    bad_keys = [k for k in keyboard if k.get("problems")]
    out.append(f"| keyboard | {sum(len(k['problems']) for k in bad_keys)} problems | {len(bad_keys)} pages |")
    broken = [visit for visit in visits if visit.error]
    if broken:
        out.append(f"| pages that could not be checked | {len(broken)} | |")
    out += ["", "## axe-core violations, by rule", ""]
    if not rules:
        out += ["None.", ""]
    for rule_id, rule in rules.items():
        out += [
            f"### `{rule_id}` — {rule['help']} ({rule['impact']}; {rule['count']} nodes)",
            "",
            f"{rule['helpUrl']}",
            "",
            f"Example: {rule['summary']}",
            "",
        ]
        for label, page in sorted(rule["pages"].items()):
            widths = "/".join(str(w) for w in sorted(page["widths"], reverse=True))
            targets = "; ".join(f"`{t}`" + (f" ×{n}" if n > 1 else "") for t, n in list(page["targets"].items())[:8])
            more = f" (+{len(page['targets']) - 8} more)" if len(page["targets"]) > 8 else ""
            out.append(
                f"- **{label}** `{sorted(page['urls'])[0]}` — {', '.join(sorted(page['roles']))} — {widths} px "
                f"— {targets}{more}"
            )
        out.append("")
    out += ["## Horizontal scrolling at 320 px", ""]
    if not wide:
        out.append("None.")
    by_label = defaultdict(list)
    for visit in wide:
        by_label[visit.label].append(visit)
    for label, found in sorted(by_label.items()):
        widest = max(found, key=lambda v: v.overflow[320])
        out.append(
            f"- **{label}** `{widest.url}` — {320 + widest.overflow[320]} px wide — "
            f"{', '.join(sorted({v.role for v in found}))}"
        )
    out += ["", "## Nu HTML Checker errors", ""]
    if not html:
        out += ["None.", ""]
    for message, entry in html.items():
        out.append(f"### {message} ({entry['count']}×)")
        out.append("")
        for label, page in sorted(entry["pages"].items()):
            extracts = " / ".join(f"`{e}`" for e in sorted(page["extracts"]))
            out.append(f"- **{label}** `{sorted(page['urls'])[0]}` — {', '.join(sorted(page['roles']))} — {extracts}")
        out.append("")
    out += ["## Keyboard (Tab from the top)", ""]
    for walk in keyboard:
        status = "ok" if not walk["problems"] else "; ".join(walk["problems"])
        out.append(f"- **{walk['label']}** `{walk['url']}` as {walk['role']}: {status}")
    out += ["", "## Pages checked", "", "| page kind | example | roles |", "|---|---|---|"]
    kinds = {}
    for visit in checked:
        kinds.setdefault(visit.label, (visit.url, set()))[1].add(visit.role)
    for label, (url, seen) in kinds.items():
        out.append(f"| {label} | `{url}` | {', '.join(sorted(seen))} |")
    if notes:
        out += ["", "## Forms sent that answered with no page of their own (a redirect, a refusal)", ""]
        out += [f"- {note}" for note in notes]
    if broken:
        out += ["", "## Pages that could not be checked", ""]
        out += [f"- {visit.label} `{visit.url}` as {visit.role}: {visit.error}" for visit in broken]
    path.write_text("\n".join(out) + "\n")
    return path
