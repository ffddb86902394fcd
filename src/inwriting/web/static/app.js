// inwriting pages: theme toggle, forms that post JSON to the REST API, live readings, charts.
(function () {
  "use strict";

  // ---- theme ------------------------------------------------------------------------------
  function currentTheme() {
    var chosen = document.documentElement.dataset.theme;
    if (chosen) return chosen;
    return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  function showTheme() {
    var button = document.getElementById("theme-toggle");
    if (!button) return;
    var dark = currentTheme() === "dark";
    button.setAttribute("aria-pressed", dark ? "true" : "false");
    button.querySelector(".theme-toggle-label").textContent = dark ? "Light theme" : "Dark theme";
  }

  function toggleTheme() {
    var next = currentTheme() === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    try { localStorage.setItem("inwriting-theme", next); } catch (e) { /* not kept */ }
    showTheme();
    renderCharts();
  }

  // ---- toast ------------------------------------------------------------------------------
  var toastTimer = null;
  function toast(message) {
    var box = document.getElementById("toast");
    if (!box) return;
    box.textContent = message;
    box.classList.add("show");
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { box.classList.remove("show"); }, 4000);
  }

  // ---- forms: the pages use the same JSON API a script would -----------------------------
  // A list field (benefits, contingencies) is one entry per line in its textarea.
  function formToJson(form, parameters) {
    var body = {};
    parameters.forEach(function (value, key) {
      var field = form.querySelector('[name="' + key + '"]');
      if (field && field.dataset.list !== undefined) {
        body[key] = String(value).split("\n").map(function (s) { return s.trim(); })
          .filter(function (s) { return s !== ""; });
        return;
      }
      if (field && field.type === "checkbox") { body[key] = true; return; }
      if (value === "") return; // an empty optional field is left out, not sent as ""
      body[key] = value;
    });
    form.querySelectorAll('input[type="checkbox"][name]').forEach(function (box) {
      if (!(box.name in body)) body[box.name] = false;
    });
    return JSON.stringify(body);
  }

  function defineExtension() {
    if (!window.htmx) return;
    htmx.defineExtension("json-api", {
      onEvent: function (name, evt) {
        if (name === "htmx:configRequest" && evt.detail.verb !== "get") {
          evt.detail.headers["Content-Type"] = "application/json";
          evt.detail.headers["Accept"] = "application/json";
        }
      },
      encodeParameters: function (xhr, parameters, elt) {
        xhr.overrideMimeType("text/json");
        var form = elt.closest("form") || elt;
        return formToJson(form, parameters);
      }
    });
  }

  function errorBox(elt) {
    var form = elt.closest("form");
    return form ? form.querySelector("[data-error]") : null;
  }

  function afterRequest(evt) {
    var elt = evt.detail.elt;
    if (!elt || !elt.closest || !elt.closest("[hx-ext~='json-api']")) return;
    if (evt.detail.requestConfig && evt.detail.requestConfig.verb === "get") return;
    var xhr = evt.detail.xhr;
    var data = null;
    try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
    var box = errorBox(elt);
    if (!evt.detail.successful) {
      var message = (data && data.detail) ? data.detail : "Something went wrong (" + xhr.status + ").";
      if (box) { box.textContent = message; box.focus(); } else { toast(message); }
      return;
    }
    if (box) box.textContent = "";
    var form = elt.closest("form");
    var then = (form && form.dataset.then) || "reload";
    var done = (form && form.dataset.done) || "Saved.";
    try { sessionStorage.setItem("inwriting-toast", done); } catch (e) { /* no toast */ }
    if (then === "reload") {
      window.location.reload();
    } else {
      window.location.assign(then.replace("{id}", data && data.id !== undefined ? data.id : ""));
    }
  }

  // ---- charts (ECharts, drawn from JSON embedded in the page) -----------------------------
  var charts = [];
  function cssVar(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function chartOption(spec) {
    var text = cssVar("--text"), muted = cssVar("--muted"), border = cssVar("--border");
    var accent = cssVar("--accent");
    var base = {
      backgroundColor: "transparent",
      textStyle: { color: text, fontFamily: "system-ui, sans-serif" },
      tooltip: { trigger: spec.type === "sankey" ? "item" : "axis" },
      aria: { enabled: true },
      animation: !window.matchMedia("(prefers-reduced-motion: reduce)").matches
    };
    if (spec.type === "sankey") {
      base.series = [{
        type: "sankey",
        left: 8, right: 190, top: 12, bottom: 12,
        nodeAlign: "justify",
        emphasis: { focus: "adjacency" },
        label: { color: text },
        lineStyle: { color: "gradient", curveness: 0.5, opacity: 0.35 },
        itemStyle: { borderWidth: 0 },
        data: spec.nodes.map(function (n) {
          return { name: n.name, itemStyle: { color: n.color || accent } };
        }),
        links: spec.links
      }];
      return base;
    }
    base.grid = { left: 48, right: 16, top: 24, bottom: 40 };
    base.xAxis = {
      type: "category", data: spec.labels,
      axisLabel: { color: muted }, axisLine: { lineStyle: { color: border } }
    };
    base.yAxis = {
      type: "value", name: spec.unit || "", nameTextStyle: { color: muted },
      axisLabel: { color: muted }, splitLine: { lineStyle: { color: border } }
    };
    base.series = [{ type: "bar", name: spec.name, data: spec.values, itemStyle: { color: accent } }];
    return base;
  }

  function renderCharts() {
    if (!window.echarts) return;
    charts.forEach(function (c) { c.dispose(); });
    charts = [];
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var source = document.getElementById(el.dataset.chart);
      if (!source) return;
      var spec = JSON.parse(source.textContent);
      var chart = echarts.init(el, null, { renderer: "svg" });
      chart.setOption(chartOption(spec));
      charts.push(chart);
    });
  }

  // ---- start -------------------------------------------------------------------------------
  defineExtension();
  document.addEventListener("DOMContentLoaded", function () {
    showTheme();
    var button = document.getElementById("theme-toggle");
    if (button) button.addEventListener("click", toggleTheme);
    document.body.addEventListener("htmx:afterRequest", afterRequest);
    try {
      var pending = sessionStorage.getItem("inwriting-toast");
      if (pending) { sessionStorage.removeItem("inwriting-toast"); toast(pending); }
    } catch (e) { /* no toast */ }
    renderCharts();
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", function () {
      showTheme();
      renderCharts();
    });
  });
})();
