// gcm-review: keyboard use of the coding page's label grids. Arrow keys move between the
// checkboxes of a grid, Space ticks (the browser's own), Enter saves the paragraph.
// The page works without this script.
(function () {
  "use strict";

  function boxes(grid) {
    return Array.prototype.slice.call(grid.querySelectorAll("input[type=checkbox]"));
  }

  function columns(grid, all) {
    if (all.length < 2) return 1;
    var top = all[0].getBoundingClientRect().top;
    var count = 0;
    for (var i = 0; i < all.length; i += 1) {
      if (Math.abs(all[i].getBoundingClientRect().top - top) > 2) break;
      count += 1;
    }
    return Math.max(count, 1);
  }

  var STEPS = { ArrowRight: 1, ArrowLeft: -1 };

  document.addEventListener("keydown", function (event) {
    var box = event.target;
    if (!box || box.type !== "checkbox") return;
    var grid = box.closest("[data-label-grid]");
    if (!grid) return;
    if (event.key === "Enter") {
      event.preventDefault();
      var form = box.form;
      if (form && form.requestSubmit) form.requestSubmit();
      else if (form) form.submit();
      return;
    }
    var all = boxes(grid);
    var index = all.indexOf(box);
    var step = STEPS[event.key];
    // in a right-to-left page the grid runs from the right: the right arrow goes back
    if (step && getComputedStyle(grid).direction === "rtl") step = -step;
    if (event.key === "ArrowDown") step = columns(grid, all);
    if (event.key === "ArrowUp") step = -columns(grid, all);
    if (!step) return;
    var next = all[index + step];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  });
})();
