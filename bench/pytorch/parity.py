"""bench/parity: each tutorial's DJL driver beside its PyTorch script (bench/pytorch/t1...t5),
with the same seed; one row per tutorial; exits 1 when a row is beyond its tolerance.

T1-T3 draw their starting weights identically on both sides (DJL's PyTorch engine draws
libtorch's numbers for the seed, and the scripts draw in the drivers' order), so every epoch is
held to TIGHT, and a row whose first figure (the start's loss) differs says "different starts"
and fails. Where the DJL side's figures come from its log, the PyTorch ones are rounded to the
digits it prints, so that 0 means equal to every printed digit; the two libtorch versions may
still round a sum differently in the last bit of a float. T4 and T5 start from the same weights
too (checked below), but DJL's sampler and torch's DataLoader shuffle differently, so only the
final figures are held to a tolerance; the largest per-epoch difference is printed for what it
shows."""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
SCRIPTS = os.path.join(ROOT, 'bench', 'pytorch')
TIGHT = 1e-4
# The final figures of T4 and T5 after different shuffles: no tighter than the spread between
# seeds on one side (where start and shuffle both change), which the SPEC puts at about +-1
# point of test accuracy, so 2 points between two runs; the training figures average the 60000
# examples of the last epoch but still carry the start's effect at T4's slow lr.
FINAL = {'loss': 0.03, 'accuracy': 0.015, 'test accuracy': 0.02}
# The start's figures (mean loss of the first rows, test accuracy) agree to float rounding when
# the weights are the same; different weights move the loss in the second decimal.
START = 1e-5
START_ROWS = 1000


def djl(command, *flags):
    """Runs ./run COMMAND with flags into a folder of its own; returns its stdout and manifest."""
    with tempfile.TemporaryDirectory(prefix='parity-') as out:
        done = subprocess.run([os.path.join(ROOT, 'run'), command, '--output-dir', out, *flags],
                              cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f'./run {command} failed ({done.returncode}):\n{done.stdout}{done.stderr}')
        with open(os.path.join(out, 'manifest.json')) as f:
            return done.stdout, json.load(f)


def pytorch(script, *flags):
    """Runs a bench/pytorch script on this Python; returns its PARITY figures."""
    done = subprocess.run([sys.executable, os.path.join(SCRIPTS, script), *flags],
                          capture_output=True, text=True)
    lines = [l for l in done.stdout.splitlines() if l.startswith('PARITY ')]
    if done.returncode != 0 or not lines:
        sys.exit(f'{script} failed ({done.returncode}):\n{done.stdout}{done.stderr}')
    return json.loads(lines[-1][len('PARITY '):])


def history(manifest, key):
    return [record[key] for record in manifest['history']]


def logged(stdout, pattern):
    """The numbers of every log line matching pattern, one tuple of floats per line."""
    return [tuple(float(g) for g in m.groups()) for m in re.finditer(pattern, stdout)]


def printed(values, decimals):
    """PyTorch's figures as the DJL side's log prints them."""
    return [round(v, decimals) for v in values]


def largest(pairs):
    """The largest |DJL - PyTorch| over named series: (difference, name, epoch)."""
    worst = (0.0, '-', 0)
    for name, (ours, theirs) in pairs.items():
        if len(ours) != len(theirs):
            sys.exit(f'{name}: {len(ours)} epochs on the DJL side, {len(theirs)} in PyTorch')
        for epoch, (a, b) in enumerate(zip(ours, theirs), 1):
            if abs(a - b) > worst[0]:
                worst = (abs(a - b), name, epoch)
    return worst


def same_start_row(label, finals, pairs):
    """A row for T1-T3: every epoch within TIGHT. The first series' first figure is the loss
    of the start, before any update."""
    ours, theirs = next(iter(pairs.values()))
    start = 'same start' if abs(ours[0] - theirs[0]) <= TIGHT else 'different starts'
    diff, name, epoch = largest(pairs)
    ok = diff <= TIGHT
    where = f' ({name}, epoch {epoch})' if diff else ''
    return ok, (f'{label}  {start}  {finals}  largest per-epoch difference {diff:.1e}'
                f'{where}, tolerance {TIGHT:.0e}  {"ok" if ok else "FAIL"}')


def t1(seed):
    stdout, _ = djl('LinearRegression', '--seed', str(seed))
    rows = logged(stdout, r'Epoch \d+/\d+: loss (\S+), weight (\S+), bias (\S+)')
    theirs = pytorch('t1_linear_regression.py', '--seed', str(seed))
    ours = {k: [r[i] for r in rows] for i, k in enumerate(['loss', 'weight', 'bias'])}
    finals = 'DJL loss {:.4f} w {:.3f} b {:.3f} | PyTorch loss {:.4f} w {:.3f} b {:.3f}'.format(
        *(ours[k][-1] for k in ours), *(theirs[k][-1] for k in ours))
    return same_start_row(f'T1 linear regression (seed {seed}, 51 epochs)', finals,
                          {k: (ours[k], printed(theirs[k], 6)) for k in ours})


def t2(seed):
    _, manifest = djl('IrisLogistic', '--seed', str(seed), '--log-every', '500')
    theirs = pytorch('t2_iris_logistic.py', '--seed', str(seed))
    ours = {'loss': history(manifest, 'trainLoss'), 'accuracy': history(manifest, 'trainAccuracy')}
    finals = 'DJL loss {:.4f} accuracy {:.2f} | PyTorch loss {:.4f} accuracy {:.2f}'.format(
        ours['loss'][-1], ours['accuracy'][-1], theirs['loss'][-1], theirs['accuracy'][-1])
    return same_start_row(f'T2 Iris logistic (seed {seed}, 500 epochs)', finals,
                          {k: (ours[k], theirs[k]) for k in ours})


def t3(seed):
    stdout, _ = djl('ExamLogistic', '--seed', str(seed), '--log-every', '1')
    hand = logged(stdout, r'Loss at the random start: (\S+)') + logged(
        stdout, r'Step \d+ by hand: loss (\S+)')
    runs = logged(stdout, r'epoch: \d+, loss: (\S+), accuracy: (\S+)')
    own, fused = runs[:len(runs) // 2], runs[len(runs) // 2:]
    theirs = pytorch('t3_exam_logistic.py', '--seed', str(seed))
    pairs = {'steps by hand': ([h[0] for h in hand], printed(theirs['hand'], 4)),
             'loss': ([r[0] for r in own], printed(theirs['loss'], 5)),
             'accuracy': ([r[1] for r in own], printed(theirs['accuracy'], 5)),
             'fused loss': ([r[0] for r in fused], printed(theirs['fused_loss'], 5)),
             'fused accuracy': ([r[1] for r in fused], printed(theirs['fused_accuracy'], 5))}
    finals = ('DJL loss {:.4f} fused {:.4f} accuracy {:.2f} | PyTorch loss {:.4f} fused {:.4f}'
              ' accuracy {:.2f}').format(own[-1][0], fused[-1][0], fused[-1][1],
                                         theirs['loss'][-1], theirs['fused_loss'][-1],
                                         theirs['fused_accuracy'][-1])
    return same_start_row(f'T3 two exams (seed {seed}, 10 steps + 2 x 1000 epochs)', finals,
                          pairs)


def shuffled_row(label, command, script, seed):
    """A row for T4 and T5: the start checked, the final figures within FINAL."""
    # the start: an update at lr 1e-30 leaves every float32 weight as it was, so the one epoch
    # over the first rows measures the initial weights whatever the order
    _, probe = djl(command, '--seed', str(seed), '--epochs', '1', '--lr', '1e-30',
                   '--limit', str(START_ROWS))
    _, manifest = djl(command, '--seed', str(seed))
    theirs = pytorch(script, '--seed', str(seed), '--start-rows', str(START_ROWS))
    first = probe['history'][0]
    same = (abs(first['trainLoss'] - theirs['start']['loss']) <= START
            and first['testAccuracy'] == theirs['start']['test_accuracy'])
    ours = {'loss': history(manifest, 'trainLoss'), 'accuracy': history(manifest, 'trainAccuracy'),
            'test accuracy': history(manifest, 'testAccuracy')}
    pt = {'loss': theirs['loss'], 'accuracy': theirs['accuracy'],
          'test accuracy': theirs['test_accuracy']}
    if not isinstance(pt['test accuracy'], list):  # T4 tests once, after training
        ours['test accuracy'] = ours['test accuracy'][-1:]
        pt['test accuracy'] = [pt['test accuracy']]
    diff, name, epoch = largest({k: (ours[k], pt[k]) for k in ours})
    misses = [k for k in FINAL if abs(ours[k][-1] - pt[k][-1]) > FINAL[k]]
    finals = ('DJL loss {:.3f} train {:.3f} test {:.4f} | PyTorch loss {:.3f} train {:.3f}'
              ' test {:.4f}').format(*(ours[k][-1] for k in FINAL), *(pt[k][-1] for k in FINAL))
    start = 'same start' if same else 'different starts'
    tolerance = ', '.join(f'{k} {v}' for k, v in FINAL.items())
    return not misses, (f'{label}  {start}, shuffles differ  {finals}  largest per-epoch'
                        f' difference {diff:.4f} ({name}, epoch {epoch}); final figures within'
                        f' {tolerance}  {"ok" if not misses else "FAIL: " + ", ".join(misses)}')


def t4(seed):
    return shuffled_row(f'T4 MNIST logistic (seed {seed}, 5 epochs)', 'MnistLogistic',
                        't4_mnist_logistic.py', seed)


def t5(seed):
    return shuffled_row(f'T5 Fashion-MNIST softmax (seed {seed}, 10 epochs)',
                        'FashionMnistSoftmax', 't5_fashion_softmax.py', seed)


# each tutorial at its DJL command's default seed: T2's is 1 (IrisLogisticCommand says why)
TUTORIALS = {'T1': (t1, 0), 'T2': (t2, 1), 'T3': (t3, 0), 'T4': (t4, 0), 'T5': (t5, 0)}


def main():
    chosen = [a.upper() for a in sys.argv[1:]] or list(TUTORIALS)
    unknown = [c for c in chosen if c not in TUTORIALS]
    if unknown:
        sys.exit(f'usage: bench/parity [T1 ... T5]; unknown: {" ".join(unknown)}')
    try:  # here, not at the top, so that the usage line needs no PyTorch
        import torch
    except ImportError:
        sys.exit(f'bench/parity needs PyTorch on {sys.executable}; ./test installs Debian\'s'
                 ' python3-torch')
    start = time.perf_counter()
    failed = []
    for name in chosen:
        run, seed = TUTORIALS[name]
        ok, row = run(seed)
        print(row, flush=True)
        if not ok:
            failed.append(name)
    print(f'PyTorch {torch.__version__} on {sys.executable}; {time.perf_counter() - start:.0f} s;'
          f' {"beyond tolerance: " + " ".join(failed) if failed else "all within tolerance"}')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
