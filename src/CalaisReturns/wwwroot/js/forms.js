// Sends a page's forms to the JSON API with the sign-in cookie and the page's anti-forgery token (a form with a file
// as multipart/form-data).
// A refused or invalid change keeps everything typed and shows the reasons next to the fields;
// nothing here decides anything: the API does.
(function () {
  'use strict';
  var token = document.querySelector('meta[name="csrf-token"]');
  var FLASH = 'calais.flash';
  // The page's texts in its language (the layout's data-text-* attributes).
  var texts = document.body.dataset;
  function say(template, value) { return template.replace('{0}', value); }

  function showFlash() {
    var text = sessionStorage.getItem(FLASH);
    var region = document.getElementById('flash');
    if (text && region) {
      region.textContent = text;
      region.hidden = false;
    }
    sessionStorage.removeItem(FLASH);
  }

  // JSON text of a value; decimals go out as typed so that no amount passes through a float.
  function write(value) {
    if (value && value.raw !== undefined) return value.raw;
    // A list's items left out (an empty row of a form) leave no gap.
    if (Array.isArray(value)) return '[' + value.filter(function () { return true; }).map(write).join(',') + ']';
    if (value && typeof value === 'object') {
      return '{' + Object.keys(value).map(function (k) { return JSON.stringify(k) + ':' + write(value[k]); }).join(',') + '}';
    }
    return JSON.stringify(value);
  }

  // An amount as the reader types it — 12 300,50 or 1,1650 in French, 12,300.50 in English — or plainly
  // (12300.50), as the JSON number the API takes; spaces of any kind group digits.
  function decimal(text) {
    var compact = text.replace(/[\s\u00a0\u202f']/g, '');
    var comma = compact.lastIndexOf(','), point = compact.lastIndexOf('.');
    if (comma >= 0 && point >= 0) {
      return comma > point ? compact.replace(/\./g, '').replace(',', '.') : compact.replace(/,/g, '');
    }
    if (comma >= 0) {
      return document.documentElement.lang.indexOf('fr') === 0 ? compact.replace(',', '.') : compact.replace(/,/g, '');
    }
    return compact;
  }

  // The instant (ISO, UTC) a wall-clock time names in an IANA zone, as ReaderZones.ToUtc on the server: a time
  // the clock change skips is taken as far past the change; one that happens twice as its first occurrence.
  function instant(local, zone) {
    var p = local.split(/[-T:]/).map(Number);
    var wall = Date.UTC(p[0], p[1] - 1, p[2], p[3], p[4]);
    var parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    function offsetAt(t) {
      var v = {};
      parts.formatToParts(new Date(t)).forEach(function (x) { v[x.type] = x.value; });
      return Date.UTC(+v.year, +v.month - 1, +v.day, +v.hour, +v.minute) - t;
    }
    var before = offsetAt(wall - 12 * 3600000), after = offsetAt(wall + 12 * 3600000);
    var valid = [wall - before, wall - after].filter(function (t) { return t - (wall - offsetAt(t)) === 0; });
    var chosen = valid.length ? Math.min.apply(null, valid) : wall - before;
    return new Date(chosen).toISOString().replace('.000Z', 'Z');
  }

  function convert(field) {
    var text = field.value.trim();
    switch (field.dataset.type) {
      case 'bool': return field.checked;
      case 'yesno': return text === 'true';
      case 'int': return /^-?\d+$/.test(text) ? { raw: String(parseInt(text, 10)) } : text;
      case 'decimal':
        var plain = decimal(text);
        return /^-?\d+(\.\d+)?$/.test(plain) ? { raw: plain } : text;
      case 'utc': return /^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(text) ? instant(text, document.body.dataset.zone) : text;
      default: return text;
    }
  }

  // Names are JSON paths: "contractPrice.amount", "allocations[0].seats", "participatingStates[]".
  function put(target, path, value) {
    var parts = path.replace(/\]/g, '').split(/\.|\[/);
    var node = target;
    for (var i = 0; i < parts.length - 1; i++) {
      var key = parts[i];
      if (node[key] === undefined) node[key] = parts[i + 1] === '' || /^\d+$/.test(parts[i + 1]) ? [] : {};
      node = node[key];
    }
    var last = parts[parts.length - 1];
    if (last === '') node.push(value); else node[last] = value;
  }

  function body(form) {
    var result = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.disabled) return;
      // A companion value (a state beside its percent) goes only with the value it belongs to.
      if (field.dataset.with && document.getElementById(field.dataset.with).value.trim() === '') return;
      // Placeholders that a later field of the same name fills, if it is sent: an empty list, or no value (null).
      if (field.dataset.type === 'list') { put(result, field.name, []); return; }
      if (field.dataset.type === 'null') { put(result, field.name, null); return; }
      if (field.type === 'checkbox' && field.dataset.type !== 'bool' && !field.checked) return;
      if (field.type !== 'checkbox' && field.value.trim() === '' && !field.hasAttribute('data-keep-empty')) return;
      put(result, field.name, convert(field));
    });
    return write(result);
  }

  // A form with a file goes as multipart/form-data, as the browser sends a file: each field by its name, as typed.
  function multipart(form) {
    var data = new FormData();
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.disabled) return;
      if (field.type === 'file') {
        Array.prototype.forEach.call(field.files, function (file) { data.append(field.name, file); });
        return;
      }
      if (field.type === 'checkbox' && !field.checked) return;
      if (field.value.trim() === '' && !field.hasAttribute('data-keep-empty')) return;
      data.append(field.name, field.value.trim());
    });
    return data;
  }

  function normalise(key) { return key.replace(/^\$\.?/, '').replace(/\]/g, '').replace(/\[/g, '.').toLowerCase(); }

  function clear(form) {
    form.querySelectorAll('.field-error').forEach(function (e) { e.textContent = ''; e.hidden = true; });
    form.querySelectorAll('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
    var summary = form.querySelector('.form-problem');
    summary.textContent = '';
    summary.hidden = true;
  }

  function showProblem(form, problem) {
    var summary = form.querySelector('.form-problem');
    var unplaced = [];
    var first = null;
    Object.keys(problem.errors || {}).forEach(function (key) {
      var wanted = normalise(key);
      // The field named, the one with a place for its message where several share the name (a list's placeholder
      // and its boxes).
      var named = Array.prototype.filter.call(form.elements, function (f) {
        return f.name && normalise(f.name.replace(/\[\]$/, '')) === wanted;
      });
      var field = named.find(function (f) { return f.id && document.getElementById(f.id + '-error'); }) || named[0];
      var message = problem.errors[key].join(' ');
      var slot = field && document.getElementById(field.id + '-error');
      if (slot) {
        slot.textContent = message;
        slot.hidden = false;
        field.setAttribute('aria-invalid', 'true');
        first = first || field;
      } else {
        unplaced.push(message);
      }
    });
    var text = problem.title && !problem.errors ? problem.title + ': ' + (problem.detail || '') : (problem.detail || '');
    if (problem.errors) text = unplaced.length ? say(texts.textCorrect, unplaced.join(' ')) : texts.textCorrectMarked;
    summary.textContent = text;
    summary.hidden = false;
    (first || summary).focus();
  }

  // Only presence is checked here, so that nothing incomplete is sent; every rule is the API's.
  function missing(form) {
    var errors = {};
    form.querySelectorAll('[aria-required="true"]').forEach(function (field) {
      // A field the form does not send now (a part it hides) is not asked for.
      if (!field.disabled && field.value.trim() === '') {
        var label = form.querySelector('label[for="' + field.id + '"]');
        errors[field.name] = [say(texts.textEnter, label ? label.textContent.toLowerCase() : texts.textAValue)];
      }
    });
    return Object.keys(errors).length ? { errors: errors } : null;
  }

  async function submit(event) {
    var form = event.target;
    if (!form.matches('form[data-api]')) return;
    event.preventDefault();
    clear(form);
    var incomplete = missing(form);
    if (incomplete) {
      showProblem(form, incomplete);
      return;
    }
    // A change that cannot be taken back goes only once the person has ticked that they mean it.
    var unconfirmed = form.querySelector('[data-confirm]:not(:checked)');
    if (unconfirmed) {
      showProblem(form, { detail: texts.textConfirm });
      unconfirmed.focus();
      return;
    }
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    var upload = form.querySelector('input[type="file"]') !== null;
    var headers = {
      'Accept': 'application/json', 'X-CSRF-Token': token ? token.content : '',
      // The API answers in the page's language.
      'Accept-Language': document.documentElement.lang,
    };
    // A multipart body's type names its boundary, which only the browser knows: it sets the header itself.
    if (!upload) headers['Content-Type'] = 'application/json';
    try {
      var response = await fetch(form.dataset.api, {
        method: form.dataset.method || 'POST',
        credentials: 'same-origin',
        headers: headers,
        body: upload ? multipart(form) : body(form),
      });
      if (response.ok) {
        var answer = await response.json().catch(function () { return {}; });
        sessionStorage.setItem(FLASH, form.dataset.done || texts.textSaved);
        var next = form.dataset.next;
        if (next && answer.id) next = next.replace('{id}', answer.id);
        if (next) window.location.assign(next); else window.location.reload();
        return;
      }
      var problem = await response.json().catch(function () { return { detail: say(texts.textAnswered, response.status) }; });
      showProblem(form, problem);
    } catch (e) {
      showProblem(form, { detail: texts.textUnreachable });
    } finally {
      button.disabled = false;
    }
  }

  document.addEventListener('submit', submit);
  showFlash();
})();
