/*
 * The inquiry form (overrides/inquiry.html), made friendlier when JavaScript runs.
 * Without it the form still works: the browser checks the required fields and
 * posts to the form service, or opens the visitor's e-mail program.
 *
 * - Preselects the talk named in ?talk=<slug>, only if the form offers it.
 *   Nothing from the URL is ever written into the page.
 * - Checks the fields with the page's own localized messages (data-msg-*),
 *   shown next to each field and in a summary that receives focus.
 * - Sends with fetch; on success goes to the thank-you page. When sending
 *   fails, everything typed stays in the form and the e-mail route is offered
 *   with the same content.
 * - With no form service configured, opens an e-mail with every filled-in field.
 * - A filled-in honeypot (robots) sends nothing.
 */
(function () {
  "use strict";

  var form = document.getElementById("inquiry");
  if (!form) return;
  var data = form.dataset;
  var summary = document.getElementById("inquiry-summary");
  var status = document.getElementById("inquiry-status");
  var button = form.querySelector("button[type=submit]");
  form.noValidate = true; // this script checks, with the page's own words

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  // -- ?talk=<slug> ------------------------------------------------------------
  var wanted = new URLSearchParams(window.location.search).get("talk");
  if (wanted) {
    Array.prototype.forEach.call(form.elements.namedItem("talk").options, function (option) {
      if (option.dataset.slug === wanted) option.selected = true;
    });
  }

  // -- checking ----------------------------------------------------------------
  // The fields in form order, one entry per name (a radio group is one field).
  function fields() {
    var seen = {};
    var list = [];
    Array.prototype.forEach.call(form.elements, function (control) {
      if (!control.name || control.type === "hidden" || control.name === "_gotcha") return;
      if (control.tagName === "BUTTON" || control.tagName === "FIELDSET") return;
      if (seen[control.name]) return;
      seen[control.name] = true;
      list.push(control);
    });
    return list;
  }

  function idOf(control) {
    return control.type === "radio" ? "inquiry-" + control.name : control.id;
  }

  function labelOf(control) {
    var label = document.getElementById(idOf(control) + "-label");
    var text = label && label.querySelector(".inquiry-label");
    return text ? text.textContent.trim() : control.name;
  }

  // "Label: text", or "Label? text" where the label is a question.
  function labelled(control, text) {
    var label = labelOf(control);
    return label + (/[?!:]$/.test(label) ? " " : ": ") + text;
  }

  function valueOf(control) {
    if (control.type === "radio") {
      var checked = form.querySelector("input[name='" + control.name + "']:checked");
      return checked ? checked.value : "";
    }
    if (control.type === "checkbox") return control.checked ? control.value : "";
    return control.value.trim();
  }

  function problemOf(control) {
    var value = valueOf(control);
    if (control.type === "number" && control.validity.badInput) return data.msgNumber;
    if (control.required && !value) {
      if (control.type === "checkbox") return data.msgConsent;
      if (control.type === "radio" || control.tagName === "SELECT") return data.msgChoice;
      return data.msgRequired;
    }
    if (!value) return "";
    if (control.type === "email" && control.validity.typeMismatch) return data.msgEmail;
    if (control.type === "email" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) return data.msgEmail;
    if (control.type === "number" && !/^[1-9][0-9]*$/.test(value)) return data.msgNumber;
    return "";
  }

  function show(control, problem) {
    var id = idOf(control);
    var error = document.getElementById(id + "-error");
    var target = control.type === "radio" ? document.getElementById(id) : control;
    error.textContent = problem;
    error.hidden = !problem;
    if (problem) target.setAttribute("aria-invalid", "true");
    else target.removeAttribute("aria-invalid");
  }

  function check() {
    var wrong = [];
    fields().forEach(function (control) {
      var problem = problemOf(control);
      show(control, problem);
      if (problem) wrong.push({ control: control, problem: problem });
    });
    var list = summary.querySelector("ul");
    list.textContent = "";
    if (!wrong.length) {
      summary.hidden = true;
      return true;
    }
    var title = wrong.length === 1 ? data.msgErrorsOne : data.msgErrorsMany;
    document.getElementById("inquiry-summary-title").textContent = fill(title, {
      count: wrong.length,
    });
    wrong.forEach(function (item) {
      var link = document.createElement("a");
      var focusable = item.control;
      link.href = "#" + focusable.id;
      link.textContent = labelled(item.control, item.problem);
      link.addEventListener("click", function (event) {
        event.preventDefault();
        focusable.focus();
      });
      var entry = document.createElement("li");
      entry.appendChild(link);
      list.appendChild(entry);
    });
    summary.hidden = false;
    summary.focus();
    return false;
  }

  // Once a field was found wrong, say as soon as it is right (or wrong in a new way).
  form.addEventListener("input", recheck);
  form.addEventListener("change", recheck);
  function recheck(event) {
    var control = event.target;
    if (!control.name) return;
    var id = idOf(control);
    var target = control.type === "radio" ? document.getElementById(id) : control;
    if (target && target.getAttribute("aria-invalid") === "true") show(control, problemOf(control));
  }

  // -- sending -----------------------------------------------------------------
  function talkText() {
    var select = form.elements.namedItem("talk");
    return select.options[select.selectedIndex].text.trim();
  }

  function mailto() {
    var lines = [];
    fields().forEach(function (control) {
      var value = valueOf(control);
      if (value) lines.push(labelled(control, value));
    });
    return (
      "mailto:" + data.email +
      "?subject=" + encodeURIComponent(fill(data.msgSubject, { talk: talkText() })) +
      "&body=" + encodeURIComponent(lines.join("\r\n"))
    );
  }

  // A message in the status region: text, optionally a link and more text. Only
  // textContent and href are set, so nothing typed is ever read as HTML.
  function say(before, linkText, href, after) {
    status.textContent = "";
    var paragraph = document.createElement("p");
    paragraph.appendChild(document.createTextNode(before));
    if (linkText && href) {
      var link = document.createElement("a");
      link.href = href;
      link.textContent = linkText;
      paragraph.appendChild(document.createTextNode(" "));
      paragraph.appendChild(link);
      paragraph.appendChild(document.createTextNode(after || ""));
    }
    status.appendChild(paragraph);
  }

  function goToThanks() {
    window.location.assign(new URL(data.thanks, window.location.href).href);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!check()) return;
    if (form.elements.namedItem("_gotcha").value) {
      goToThanks(); // a robot: it sees success, nothing is sent
      return;
    }
    var subject = form.elements.namedItem("_subject");
    if (subject) subject.value = fill(data.msgSubject, { talk: talkText() });

    if (!data.endpoint) {
      var href = mailto();
      var parts = data.msgMailOpened.split("{email}");
      say(parts[0].trim(), data.email, href, parts[1] || "");
      window.location.href = href;
      return;
    }

    button.disabled = true;
    say(data.msgSending);
    // URL-encoded, as the same form sends itself without JavaScript.
    fetch(data.endpoint, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        goToThanks();
      })
      .catch(function () {
        if (data.email) say(data.msgFailed, data.msgFailedMail, mailto(), ".");
        else say(data.msgFailed + " " + data.msgFailedRetry);
      })
      .then(function () {
        button.disabled = false;
      });
  });
})();
