// The flight page's accountability forms: the incident form shows the use-of-force fields when force was used (and
// sends them only then; choosing the category "use of force" says so), and the monitor's report form adds findings.
// Every rule of a report is the API's.
(function () {
  'use strict';

  function say(template, value) { return template.replace('{0}', value); }

  function follow(form) {
    var used = form.querySelector('[data-force-used]');
    var part = form.querySelector('[data-force]');
    if (!used || !part) return;
    part.hidden = !used.checked;
    part.querySelectorAll('input, select, textarea').forEach(function (field) { field.disabled = !used.checked; });
  }

  function addFinding(form) {
    var list = form.querySelector('[data-finding-list]');
    var index = list.querySelectorAll('[data-finding]').length;
    var finding = form.querySelector('template[data-finding-template]').content.firstElementChild.cloneNode(true);
    finding.querySelectorAll('[name]').forEach(function (field) {
      field.name = field.name.replace(/^findings\[\d+\]/, 'findings[' + index + ']');
    });
    ['id', 'for', 'aria-describedby', 'data-with'].forEach(function (attribute) {
      finding.querySelectorAll('[' + attribute + ']').forEach(function (element) {
        element.setAttribute(attribute, element.getAttribute(attribute).replace(/-findings-\d+-/g, '-findings-' + index + '-'));
      });
    });
    finding.querySelector('legend').textContent = say(list.dataset.legend, index + 1);
    list.appendChild(finding);
    finding.querySelector('textarea').focus();
  }

  document.addEventListener('change', function (event) {
    var form = event.target.closest('form[data-incident]');
    if (!form) return;
    if (event.target.matches('select[name="category"]') && event.target.value === 'UseOfForce') {
      form.querySelector('[data-force-used]').checked = true;
    }
    follow(form);
  });
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-add-finding]');
    if (button) addFinding(button.closest('form'));
  });
  document.querySelectorAll('form[data-incident]').forEach(follow);
})();
