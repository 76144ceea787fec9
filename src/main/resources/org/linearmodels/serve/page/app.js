// The page's behaviour: plain browser JavaScript, no libraries, talking to the same server's
// POST /predictions/{model}. Each result element gets data-top (the top class, or the value)
// and data-seq (how many answers it has shown), which the browser test reads.
'use strict';

async function predict(model, body, contentType) {
  const response = await fetch('predictions/' + encodeURIComponent(model), {
    method: 'POST', headers: {'Content-Type': contentType}, body: body});
  const answer = await response.json();
  if (!response.ok) {
    throw new Error(answer.message || ('HTTP ' + response.status));
  }
  return answer;
}

function show(resultId, frameId, answer) {
  const result = document.getElementById(resultId);
  result.classList.remove('error');
  result.replaceChildren();
  if (answer.predictions) {
    answer.predictions.forEach((p, i) => {
      const row = document.createElement('div');
      row.className = 'bar-row' + (i === 0 ? ' top' : '');
      const name = document.createElement('span');
      name.textContent = p.className;
      const bar = document.createElement('div');
      bar.className = 'bar';
      const fill = document.createElement('span');
      fill.style.width = (100 * p.probability).toFixed(1) + '%';
      bar.appendChild(fill);
      const pct = document.createElement('span');
      pct.className = 'pct';
      pct.textContent = (100 * p.probability).toFixed(2) + ' %';
      row.append(name, bar, pct);
      result.appendChild(row);
    });
    result.dataset.top = answer.predictions[0].className;
  } else {
    const value = document.createElement('div');
    value.className = 'value';
    value.textContent = 'y = ' + answer.value.toFixed(4);
    result.appendChild(value);
    result.dataset.top = answer.value.toFixed(4);
  }
  if (frameId && answer.frame) {
    document.getElementById(frameId).src = answer.frame;
  }
  done(result, 'done');
}

function fail(resultId, error) {
  const result = document.getElementById(resultId);
  result.classList.add('error');
  result.textContent = error.message;
  delete result.dataset.top;
  done(result, 'error');
}

function done(result, state) {
  result.dataset.state = state;
  result.dataset.seq = String(Number(result.dataset.seq || 0) + 1);
}

// The digit canvas: strokes kept as point lists, so Undo redraws all but the last.
(function digitCanvas() {
  const canvas = document.getElementById('digit-canvas');
  const context = canvas.getContext('2d');
  const strokes = [];
  let current = null;

  function point(event) {
    const box = canvas.getBoundingClientRect();
    return [(event.clientX - box.left) * canvas.width / box.width,
      (event.clientY - box.top) * canvas.height / box.height];
  }

  function redraw() {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.strokeStyle = '#000';
    context.fillStyle = '#000';
    context.lineWidth = 18;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    for (const stroke of strokes) {
      context.beginPath();
      context.moveTo(stroke[0][0], stroke[0][1]);
      if (stroke.length === 1) {
        context.arc(stroke[0][0], stroke[0][1], 9, 0, 2 * Math.PI);
        context.fill();
        continue;
      }
      for (const [x, y] of stroke.slice(1)) {
        context.lineTo(x, y);
      }
      context.stroke();
    }
  }

  function send() {
    if (strokes.length === 0) {
      const result = document.getElementById('digit-result');
      result.replaceChildren('Draw a digit; it is read as each stroke ends.');
      delete result.dataset.top;
      document.getElementById('digit-frame').removeAttribute('src');
      return;
    }
    canvas.toBlob(blob => predict('mnist-logistic-fast-printed', blob, 'image/png')
        .then(answer => show('digit-result', 'digit-frame', answer))
        .catch(error => fail('digit-result', error)), 'image/png');
  }

  canvas.addEventListener('pointerdown', event => {
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    current = [point(event)];
    strokes.push(current);
    redraw();
  });
  canvas.addEventListener('pointermove', event => {
    if (current) {
      current.push(point(event));
      redraw();
    }
  });
  const end = () => {
    if (current) {
      current = null;
      send();
    }
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  document.getElementById('digit-clear').addEventListener('click', () => {
    strokes.length = 0;
    redraw();
    send();
  });
  document.getElementById('digit-undo').addEventListener('click', () => {
    strokes.pop();
    redraw();
    send();
  });
  redraw();
})();

// A picture dropped or picked, for MNIST or Fashion-MNIST.
(function picture() {
  const drop = document.getElementById('picture-drop');
  const input = document.getElementById('picture-input');
  const model = document.getElementById('picture-model');
  let last = null;

  function classify(file) {
    if (!file) {
      return;
    }
    last = file;
    document.getElementById('picture-preview').src = URL.createObjectURL(file);
    predict(model.value, file, file.type || 'application/octet-stream')
        .then(answer => show('picture-result', 'picture-frame', answer))
        .catch(error => fail('picture-result', error));
  }

  input.addEventListener('change', () => classify(input.files[0]));
  model.addEventListener('change', () => classify(last));
  drop.addEventListener('dragover', event => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', event => {
    event.preventDefault();
    drop.classList.remove('over');
    classify(event.dataTransfer.files[0]);
  });
})();

// The tabular models: a form of numbers each, answered on submit and on every change.
function numbersForm(formId, inputIds, model, resultId) {
  const form = document.getElementById(formId);
  const submit = () => {
    const values = inputIds.map(id => Number(document.getElementById(id).value));
    if (values.some(v => !Number.isFinite(v))) {
      fail(resultId, new Error('fill in every field with a number'));
      return;
    }
    predict(model, JSON.stringify(values), 'application/json')
        .then(answer => show(resultId, null, answer))
        .catch(error => fail(resultId, error));
  };
  form.addEventListener('submit', event => {
    event.preventDefault();
    submit();
  });
  form.addEventListener('change', submit);
  submit();
}

numbersForm('iris-form', ['iris-0', 'iris-1', 'iris-2', 'iris-3'], 'iris-logistic',
    'iris-result');
numbersForm('exam-form', ['exam-0', 'exam-1'], 'exam-logistic', 'exam-result');
numbersForm('line-form', ['line-x'], 'linear-regression', 'line-result');
