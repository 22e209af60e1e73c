// Sluice console: the one script of our own (no inline scripts: the Content-Security-Policy allows
// scripts from this origin only). It follows an execution's messages over server-sent events.
(function () {
  "use strict";

  function count(n) {
    return n + (n === 1 ? " message" : " messages");
  }

  function follow(table) {
    var url = table.getAttribute("data-stream");
    var body = table.querySelector("tbody");
    var state = document.getElementById("stream-state");
    var source = new EventSource(url);
    source.addEventListener("message", function (event) {
      var m = JSON.parse(event.data);
      var empty = body.querySelector("tr.none");
      if (empty) { empty.remove(); }
      var row = document.createElement("tr");
      row.className = "new";
      row.setAttribute("data-id", String(m.id));
      [m.time, m.type, m.source, m.message].forEach(function (text, i) {
        var cell = document.createElement("td");
        cell.textContent = text; // text, never HTML
        if (i === 1) { cell.className = "t-" + m.typeCode; }
        if (i === 3) { cell.className = "msg"; }
        row.appendChild(cell);
      });
      body.appendChild(row);
      if (state) { state.textContent = count(body.rows.length) + ", following live"; }
    });
    source.addEventListener("end", function () {
      source.close();
      if (state) { state.textContent = count(body.rows.length) + "; the execution has ended"; state.classList.remove("live"); }
    });
    source.addEventListener("busy", function () {
      source.close();
      if (state) { state.textContent = "the master follows too many executions now: reload the page later for new messages"; state.classList.remove("live"); }
    });
    source.addEventListener("refused", function () {
      source.close();
      window.location.assign("/console/sign-in?ended=1");
    });
  }

  function start() {
    document.querySelectorAll("table[data-stream]").forEach(follow);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
