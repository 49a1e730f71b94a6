// The route forms (the plan form's stops, the flight page's add-stop form): a stop shows the fields its kind asks for
// (pick-ups the states boarding, drop-offs the country of return) and sends only those; the plan form's stops are
// added and removed in the page, numbered in route order. Every rule of a route is the API's.
(function () {
  'use strict';

  function say(template, value) { return template.replace('{0}', value); }

  function follow(stop) {
    var kind = stop.querySelector('select[name$="kind"]');
    if (!kind) return;
    stop.querySelectorAll('[data-kinds]').forEach(function (part) {
      var shown = part.dataset.kinds.split(' ').indexOf(kind.value) >= 0;
      part.hidden = !shown;
      part.querySelectorAll('input, select, textarea').forEach(function (field) { field.disabled = !shown; });
    });
  }

  // Each stop's place is in its field names (stops[2].airport: the departure is stops[0]), ids and headings.
  function renumber(list) {
    list.querySelectorAll('[data-stop]').forEach(function (stop, i) {
      var index = i + 1;
      stop.querySelectorAll('[name]').forEach(function (field) {
        field.name = field.name.replace(/^stops\[\d+\]/, 'stops[' + index + ']');
      });
      ['id', 'for', 'aria-describedby'].forEach(function (attribute) {
        stop.querySelectorAll('[' + attribute + ']').forEach(function (element) {
          element.setAttribute(attribute, element.getAttribute(attribute).replace(/-stops-\d+-/g, '-stops-' + index + '-'));
        });
      });
      stop.querySelector(':scope > legend').textContent = say(list.dataset.legend, index + 1);
      stop.querySelector('[data-remove-stop]').textContent = say(list.dataset.remove, index + 1);
    });
  }

  function add(form) {
    var list = form.querySelector('[data-stop-list]');
    var stop = form.querySelector('template[data-stop-template]').content.firstElementChild.cloneNode(true);
    list.appendChild(stop);
    renumber(list);
    follow(stop);
    stop.querySelector('input').focus();
  }

  function remove(stop) {
    var list = stop.closest('[data-stop-list]');
    var form = stop.closest('form');
    stop.remove();
    renumber(list);
    form.querySelector('[data-add-stop]').focus();
  }

  // The states taking part are the lead state and those boarding at some stop, in the order the departure lists
  // every state: the plan sends them as its participating states, so that nobody has to list a state twice.
  function participate(form) {
    form.querySelectorAll('input[data-participating]').forEach(function (input) { input.remove(); });
    var lead = form.querySelector('input[name="leadState"]').value;
    var boarding = Array.prototype.map.call(
      form.querySelectorAll('input[type="checkbox"][name$=".states[]"]:checked:enabled'), function (box) { return box.value; });
    var states = Array.prototype.map.call(form.querySelectorAll('input[name="stops[0].states[]"]'), function (box) { return box.value; })
      .filter(function (state) { return state === lead || boarding.indexOf(state) >= 0; });
    states.reverse().forEach(function (state) {
      var input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'participatingStates[]';
      input.value = state;
      input.dataset.participating = '';
      form.prepend(input);
    });
  }

  document.addEventListener('change', function (event) {
    var stop = event.target.closest('[data-stop]');
    if (stop && event.target.matches('select[name$="kind"]')) follow(stop);
  });
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-add-stop], [data-remove-stop]');
    if (!button) return;
    if (button.matches('[data-add-stop]')) add(button.closest('form')); else remove(button.closest('[data-stop]'));
  });
  // Before forms.js (which listens as the event bubbles) reads the form.
  document.addEventListener('submit', function (event) {
    if (event.target.querySelector('[data-stop-list]')) participate(event.target);
  }, true);
  document.querySelectorAll('[data-stop]').forEach(follow);
})();
