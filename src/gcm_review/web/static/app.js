// gcm-review: keyboard shortcuts for the review queue and small HTMX helpers.
// Every form works without this script; it only adds keys and focus handling.
(function () {
  "use strict";

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-queue-item]"));
  }

  function current() {
    return document.querySelector("[data-queue-item].current");
  }

  function select(item) {
    var previous = current();
    if (previous) previous.classList.remove("current");
    if (!item) return;
    item.classList.add("current");
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest" });
  }

  function nextUndecided(from) {
    var all = items();
    var start = from ? all.indexOf(from) + 1 : 0;
    for (var i = start; i < all.length; i += 1) {
      if (!all[i].hasAttribute("data-decided")) return all[i];
    }
    return null;
  }

  function decide(action) {
    var item = current();
    if (!item) return;
    var form = item.querySelector('form[data-action="' + action + '"]');
    if (!form) return;
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (event.key === "/") {
      var search = document.querySelector("[data-search], input[type=search]");
      if (search) {
        event.preventDefault();
        search.focus();
      }
      return;
    }
    if (!document.querySelector("[data-queue]")) return;
    if (event.key === "a") { event.preventDefault(); decide("accept"); }
    else if (event.key === "r") { event.preventDefault(); decide("reject"); }
    else if (event.key === "n") { event.preventDefault(); select(nextUndecided(current()) || current()); }
  });

  document.addEventListener("click", function (event) {
    var item = event.target.closest && event.target.closest("[data-queue-item]");
    if (item && item !== current()) select(item);
  });

  // After HTMX swaps a decided queue item in, move on to the next undecided one.
  // (With outerHTML swaps the event's target is the replaced element: look the new one up by id.)
  document.addEventListener("htmx:afterSettle", function (event) {
    var old = event.detail && event.detail.target;
    var swapped = old && old.id ? document.getElementById(old.id) : null;
    if (swapped && swapped.hasAttribute("data-queue-item")) {
      select(nextUndecided(swapped) || swapped);
    }
  });

  // Show the server's one-line message when an HTMX request fails.
  document.addEventListener("htmx:responseError", function (event) {
    var box = document.getElementById("errors");
    if (!box) return;
    var xhr = event.detail.xhr;
    var text = xhr.status + " " + (xhr.statusText || "error");
    var parsed = new DOMParser().parseFromString(xhr.responseText || "", "text/html");
    var message = parsed.querySelector(".error");
    box.textContent = message ? message.textContent : text;
  });

  document.addEventListener("DOMContentLoaded", function () {
    if (document.querySelector("[data-queue]")) select(nextUndecided(null));
  });
})();
