// Small progressive enhancements; every page works without them.
// No form submits itself on change (WCAG 3.2.2 On Input): every form has its own submit button.
// Inline formsets: "add a row" clones the empty form Django renders as a template.
document.querySelectorAll("[data-formset]").forEach(function (box) {
  var prefix = box.dataset.formset;
  var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
  var template = box.querySelector("template");
  var button = box.querySelector("[data-formset-add]");
  if (!total || !template || !button) { return; }
  button.addEventListener("click", function () {
    var index = parseInt(total.value, 10);
    var html = template.innerHTML.replace(/__prefix__/g, index);
    box.querySelector("[data-formset-rows]").insertAdjacentHTML("beforeend", html);
    total.value = index + 1;
  });
});
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
