// Draws the prioritisation matrix (impact × feasibility, bubble = urgency) from #matrix-data; the table has the
// same figures and is the accessible alternative.
(function () {
  var source = document.getElementById("matrix-data");
  var canvas = document.getElementById("chart-matrix");
  if (!source || !canvas || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var lang = document.documentElement.lang || "nl";
  var number = new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 1 });
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  var x = data.axes.impact || { label: "", min: 1, max: 5 };
  var y = data.axes.feasibility || { label: "", min: 1, max: 5 };
  var r = data.axes.urgency;
  function radius(value) {
    if (!r || value === null) { return 8; }
    return 6 + 18 * (parseFloat(value) - r.min) / Math.max(1, r.max - r.min);
  }
  function whole(scale) {
    return function (axis) {
      axis.ticks = [];
      for (var v = scale.min; v <= scale.max; v++) { axis.ticks.push({ value: v }); }
    };
  }
  var palette = ["#154273", "#146c43", "#b35c00", "#842029", "#6f42c1", "#0a58ca", "#5c636a"];
  new Chart(canvas, {
    type: "bubble",
    data: {
      datasets: data.points.map(function (p, i) {
        var colour = palette[i % palette.length];
        return { label: p.label, data: [{ x: parseFloat(p.x), y: parseFloat(p.y), r: radius(p.r), urgency: p.r }],
          backgroundColor: colour + "99", borderColor: colour };
      })
    },
    options: {
      scales: {
        x: { min: x.min - 0.5, max: x.max + 0.5, title: { display: true, text: x.label }, afterBuildTicks: whole(x) },
        y: { min: y.min - 0.5, max: y.max + 0.5, title: { display: true, text: y.label }, afterBuildTicks: whole(y) }
      },
      plugins: {
        tooltip: { callbacks: { label: function (c) {
          var raw = c.raw, parts = [c.dataset.label, x.label + " " + number.format(raw.x), y.label + " " + number.format(raw.y)];
          if (r && raw.urgency !== null) { parts.push(r.label + " " + number.format(parseFloat(raw.urgency))); }
          return parts.join(" · ");
        } } }
      }
    }
  });
})();
