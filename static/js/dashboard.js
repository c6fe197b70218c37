// Draws the dashboard's charts from the figures in #dashboard-data (the same figures as the tables).
(function () {
  var source = document.getElementById("dashboard-data");
  if (!source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var lang = document.documentElement.lang || "nl";
  var euro = new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  var colours = { draft: "#adb5bd", on_route: "#ffc107", approved: "#20c997", running: "#146c43", completed: "#154273",
    stopped: "#dc3545", rejected: "#842029", withdrawn: "#6c757d" };

  var pipeline = document.getElementById("chart-pipeline");
  if (pipeline && data.pipeline) {
    new Chart(pipeline, {
      type: "bar",
      data: { labels: data.pipeline.map(function (b) { return b.label; }),
        datasets: [{ data: data.pipeline.map(function (b) { return b.count; }),
          backgroundColor: data.pipeline.map(function (b) { return colours[b.key] || "#154273"; }) }] },
      options: { indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { ticks: { precision: 0 } } } }
    });
  }

  var money = document.getElementById("chart-money");
  if (money && data.money && data.money.length) {
    var head = document.querySelectorAll("#table-money thead th");
    new Chart(money, {
      type: "bar",
      data: { labels: data.money.map(function (r) { return r.year; }),
        datasets: [
          { label: head[3].textContent, data: data.money.map(function (r) { return r.spent; }), backgroundColor: "#146c43" },
          { label: head[2].textContent + " − " + head[3].textContent.toLowerCase(), data: data.money.map(function (r) { return r.released_unspent; }), backgroundColor: "#75b798" },
          { label: head[4].textContent, data: data.money.map(function (r) { return r.available; }), backgroundColor: "#dee2e6" }
        ] },
      options: { scales: { x: { stacked: true }, y: { stacked: true, ticks: { callback: function (v) { return euro.format(v); } } } },
        plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + euro.format(c.raw); } } } } }
    });
  }

  document.querySelectorAll("canvas[data-indicator-index]").forEach(function (canvas) {
    var item = data.indicators[parseInt(canvas.dataset.indicatorIndex, 10)];
    if (!item) { return; }
    var labels = item.points.map(function (p) { return p.date; });
    var datasets = [{ data: item.points.map(function (p) { return p.value; }), borderColor: "#154273", backgroundColor: "#154273", tension: 0.2 }];
    if (item.target !== null) {
      datasets.push({ data: labels.map(function () { return item.target; }), borderColor: "#146c43", borderDash: [6, 4], pointRadius: 0 });
    }
    new Chart(canvas, { type: "line", data: { labels: labels, datasets: datasets },
      options: { plugins: { legend: { display: false } }, scales: { x: { display: labels.length > 0 }, y: { beginAtZero: true } } } });
  });
})();

// Collaboration and national views: money released and spent per programme or collaboration.
(function () {
  var source = document.getElementById("overview-data");
  var canvas = document.getElementById("chart-overview");
  if (!source || !canvas || typeof Chart === "undefined") { return; }
  var rows = JSON.parse(source.textContent).rows;
  var head = document.querySelectorAll("#overview thead th");
  var names = Array.prototype.map.call(head, function (th) { return th.textContent; });
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  var budget = names[head.length - 5], released = names[head.length - 4], spent = names[head.length - 3];
  new Chart(canvas, {
    type: "bar",
    data: { labels: rows.map(function (r) { return r.title || r.collaboration; }),
      datasets: [
        { label: budget, data: rows.map(function (r) { return r.budget; }), backgroundColor: "#dee2e6" },
        { label: released, data: rows.map(function (r) { return r.released; }), backgroundColor: "#75b798" },
        { label: spent, data: rows.map(function (r) { return r.spent; }), backgroundColor: "#146c43" }
      ] },
    options: { plugins: { legend: { position: "bottom" } } }
  });
})();
