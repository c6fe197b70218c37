// Moves focus to a form's error summary when the page shows one, so screen readers and keyboards start there.
// Without JavaScript the summary and its links to the fields still work.
(function () {
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();
