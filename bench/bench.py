"""Runs this project's drivers beside the same models in PyTorch (as the tutorials write them,
and with the data held as one tensor) and scikit-learn, each case several times in one
invocation, and reports medians, ratios ours / peer, and docs/BENCHMARKS.md with a chart.

Run it through bench/run, which installs the peers and fetches the data first."""
import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEERS = os.path.join(ROOT, 'bench', 'peers')
# The interpreter that runs this script (bench/run starts it as $PYTHON, else python3 on PATH).
PYTHON = sys.executable
MB = 1024.0


def run(command, cwd=ROOT, env=None):
    """Runs a command under GNU time; returns (wall seconds, peak RSS in MB, stdout)."""
    with tempfile.NamedTemporaryFile(mode='r', suffix='.time') as stats:
        start = time.perf_counter()
        done = subprocess.run(['/usr/bin/time', '-f', '%M', '-o', stats.name] + command,
                              cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, env=env)
        wall = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit('benchmark step failed: {}\n{}'.format(' '.join(command),
                                                             done.stdout[-3000:]))
        return wall, int(stats.read().strip().splitlines()[-1]) / MB, done.stdout


def ours(command, args, label):
    """One run of a driver through ./run: phases from the manifest it writes."""
    with tempfile.TemporaryDirectory() as out:
        wall, rss, _ = run(['./run', command] + args + ['--output-dir', out])
        with open(os.path.join(out, 'manifest.json')) as f:
            manifest = json.load(f)
    history = manifest['history']
    timings = manifest['timings']
    train = sum(e['seconds'] for e in history)
    evaluation = sum(e.get('evalSeconds') or 0 for e in history)
    figures = {'wall': wall, 'rss_mb': rss, 'startup': timings['jvm'] + timings['engine'],
               'data': timings['data'], 'train': train, 'eval': evaluation,
               'accuracy': manifest['figures']['testAccuracy'], 'history': history}
    return label, figures


def peer(script, args, label):
    """One run of a peer script: the phases it reports on its last line."""
    wall, rss, out = run([PYTHON, os.path.join(PEERS, script)] + args)
    reported = json.loads(re.findall(r'^BENCH (.*)$', out, re.M)[-1])
    startup = wall - reported['data_s'] - reported['train_s'] - reported['eval_s']
    return label, {'wall': wall, 'rss_mb': rss, 'startup': startup,
                   'data': reported['data_s'], 'train': reported['train_s'],
                   'eval': reported['eval_s'], 'accuracy': reported['accuracy']}


def time_to(history, bar):
    """Training and evaluation seconds until the first epoch whose test accuracy reaches bar."""
    spent = 0.0
    for epoch in history:
        spent += epoch['seconds'] + (epoch.get('evalSeconds') or 0)
        if epoch['testAccuracy'] >= bar:
            return spent
    return float('nan')


def cases(smoke):
    """(case, [(tool, runner)]): every runner is called once per repetition. The smoke run
    keeps one case and two tools on a little data: the machinery, in seconds."""
    if smoke:
        few = ['--limit', '3000', '--epochs', '1']
        return [('T4 tutorial settings (smoke: 3000 images, 1 epoch)', [
            ('ours: MnistLogistic', lambda: ours('MnistLogistic', few, 'ours')),
            ('PyTorch, in-memory tensor', lambda: peer('t4_tensor.py', few, 'tensor')),
        ])]
    return [
        ('T4 tutorial settings (MNIST, SGD lr 0.001, batch 100, 5 epochs)', [
            ('ours: MnistLogistic', lambda: ours('MnistLogistic', [], 'ours')),
            ('PyTorch, in-memory tensor', lambda: peer('t4_tensor.py', [], 'tensor')),
            ('PyTorch, as the tutorial', lambda: peer('t4_tutorial.py', [], 'tutorial')),
        ]),
        ('T5 from scratch (Fashion-MNIST, batch 256, 10 epochs)', [
            ('ours: FashionMnistSoftmax', lambda: ours('FashionMnistSoftmax', [], 'ours')),
            ('PyTorch, as d2l writes it', lambda: peer('t5_tutorial.py', [], 'tutorial')),
        ]),
        ('MNIST, best linear accuracy', [
            ('ours: MnistLogistic --preset fast', lambda: ours(
                'MnistLogistic', ['--preset', 'fast'], 'ours')),
            ('scikit-learn LogisticRegression', lambda: peer(
                'sklearn_logreg.py', ['mnist'], 'sklearn')),
        ]),
        ('Fashion-MNIST, best linear accuracy', [
            ('ours: FashionMnistSoftmax --preset fast', lambda: ours(
                'FashionMnistSoftmax', ['--preset', 'fast'], 'ours')),
            ('scikit-learn LogisticRegression', lambda: peer(
                'sklearn_logreg.py', ['fashion-mnist'], 'sklearn')),
        ]),
    ]


def median(runs, key):
    return statistics.median(r[key] for r in runs)


def measure(repeats, smoke):
    """Every case's tools, interleaved repetition by repetition so drift hits all alike."""
    results = {}
    for case, tools in cases(smoke):
        results[case] = {tool: [] for tool, _ in tools}
        for repetition in range(repeats):
            for tool, runner in tools:
                _, figures = runner()
                results[case][tool].append(figures)
                print('  {} | {} | run {}: train {:.2f} s, wall {:.2f} s, accuracy {:.2f} %'
                      .format(case[:24], tool, repetition + 1, figures['train'],
                              figures['wall'], 100 * figures['accuracy']), flush=True)
    return results


def predictor(repeats, smoke):
    """The predictor's latency and throughput, the median of each figure over the runs."""
    figures = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as out:
            target = os.path.join(out, 'predictor.json')
            args = ['--calls', '2000', '--batches', '5'] if smoke else []
            run(['./run', 'PredictorBenchmark', '--json', target] + args)
            with open(target) as f:
                figures.append(json.load(f))
    return {key: statistics.median(f[key] for f in figures) for key in figures[0]}


LONG_RUN_HEAP = ['-Xms512m', '-Xmx512m', '-XX:+AlwaysPreTouch']


def long_run(smoke):
    """Resident memory after epochs 1, 10 and the last of a long run (MB), with a fixed,
    pre-touched Java heap: otherwise the heap's growth towards its own size hides whether
    native memory, the thing a leaked NDArray would grow, stays flat."""
    epochs = 2 if smoke else 50
    args = ['MnistLogistic', '--epochs', str(epochs), '--log-memory']
    if smoke:
        args += ['--limit', '1000']
    env = dict(os.environ, JAVA_OPTS=' '.join(LONG_RUN_HEAP))
    with tempfile.TemporaryDirectory() as out:
        _, _, text = run(['./run'] + args + ['--output-dir', out], env=env)
    memory = {int(e): float(mb) for e, mb in re.findall(
        r'Epoch (\d+)/\d+: resident memory ([0-9.]+) MB', text)}
    middle = min(10, epochs)
    return epochs, memory[1], middle, memory[middle], memory[epochs]


def versions():
    """What the figures were measured with, on what."""
    def output(command):
        try:
            return subprocess.run(command, cwd=ROOT, capture_output=True, text=True,
                                  check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return 'unknown'
    cpu = 'unknown'
    with open('/proc/cpuinfo') as f:
        for line in f:
            if line.startswith('model name'):
                cpu = line.split(':', 1)[1].strip()
                break
    with open('/proc/meminfo') as f:
        memory = int(f.readline().split()[1]) / MB / MB
    peers = output([PYTHON, '-c', 'import torch, torchvision, sklearn; print(torch.__version__,'
                    ' torchvision.__version__, sklearn.__version__, torch.get_num_threads())'])
    torch_version, vision, sklearn, threads = (peers.split() + ['?'] * 4)[:4]
    return {
        'machine': '{} cores ({}), {:.0f} GiB, {}'.format(os.cpu_count(), cpu, memory,
                                                         platform.platform()),
        'ours': output(['./run', 'MnistLogistic', '--version']).replace('\n', '; '),
        'peers': 'Python {}, PyTorch {} ({} intra-op thread{}), torchvision {},'
                 ' scikit-learn {}'.format(platform.python_version(), torch_version, threads,
                                            '' if threads == '1' else 's', vision, sklearn),
    }


def fmt(seconds):
    return '{:.2f}'.format(seconds)


def report(results, prediction, memory, info, command, repeats, chart):
    """The markdown of docs/BENCHMARKS.md."""
    lines = ['# Benchmarks', '',
             'Measured by `{}` on {}, each row the median of {} runs; ratios are ours / '
             'that row within the same invocation. Generated {}.'.format(
                 command, info['machine'], repeats, datetime.date.today().isoformat()), '',
             '- ours: {}'.format(info['ours']),
             '- peers: {}'.format(info['peers']), '',
             'Columns: **train** is the training loop alone (for ours, the epochs\' steps; '
             'scikit-learn: `fit`); **eval** the test-set evaluation; **data** loading the '
             'data set into memory; **start-up** the process up to that (JVM and DJL\'s engine '
             'for ours, the interpreter and imports for Python); **wall** the whole process, '
             'charts and checkpoints included; **peak RSS** the most resident memory the process '
             'held (GNU time). Each ratio is ours / that row, of the medians in this '
             'invocation.', '']
    for case, tools in results.items():
        names = list(tools)
        base = tools[names[0]]
        lines += ['## ' + case, '',
                  '| | train s | eval s | data s | start-up s | wall s | peak RSS MB | '
                  'test accuracy | train: ours / this | data: ours / this | '
                  'wall: ours / this | peak RSS: ours / this |',
                  '|---|---|---|---|---|---|---|---|---|---|---|---|']
        for name in names:
            runs = tools[name]

            def ratio(key):
                if name == names[0]:
                    return '—'
                return '{:.2f}×'.format(median(base, key) / median(runs, key))
            lines.append('| {} | {} | {} | {} | {} | {} | {:.0f} | {:.2f} % | {} | {} | {} | {} |'
                         .format(name, fmt(median(runs, 'train')), fmt(median(runs, 'eval')),
                                 fmt(median(runs, 'data')), fmt(median(runs, 'startup')),
                                 fmt(median(runs, 'wall')), median(runs, 'rss_mb'),
                                 100 * median(runs, 'accuracy'), ratio('train'),
                                 ratio('data'), ratio('wall'), ratio('rss_mb')))
        if case.startswith('MNIST, best'):
            reach = statistics.median(time_to(r['history'], 0.925) for r in base)
            sklearn = median(tools[names[1]], 'train')
            lines += ['', 'Time to ≥ 92.5 % test accuracy: ours {} s (training and '
                      'evaluation until the first epoch at or above it), scikit-learn\'s fit '
                      '{} s: **{:.2f}×**.'.format(fmt(reach), fmt(sklearn), reach / sklearn)]
        lines.append('')
    lines += ['## Predictor (MNIST model, in process, after warm-up)', '',
              '| single image p50 | single image p99 | batches of 1000 | a user\'s picture '
              '(framed like MNIST first), p50 |', '|---|---|---|---|',
              '| {:.3f} ms | {:.3f} ms | {:,.0f} images/s | {:.3f} ms |'.format(
                  prediction['single_p50_ms'], prediction['single_p99_ms'],
                  prediction['batch_images_per_second'], prediction['picture_p50_ms']), '',
              '## Memory', '',
              'Peak resident memory of each run is in the tables above (GNU time). A {}-epoch '
              'MnistLogistic run (`--log-memory`, `JAVA_OPTS="{}"` so that only native memory '
              'can move): {:.0f} MB resident after epoch 1, {:.0f} MB after epoch {}, {:.0f} MB '
              'after epoch {}. Without a fixed heap, resident memory also grows while the '
              'JVM enlarges its heap towards its working size, then levels off.'
              .format(memory[0], ' '.join(LONG_RUN_HEAP), memory[1], memory[3], memory[2],
                      memory[4], memory[0]), '']
    if chart:
        lines += ['![Median training time per case](benchmarks.png)', '']
    return '\n'.join(lines)


def draw(results, path):
    """Median training time per tool and case, as horizontal bars on a log scale."""
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    labels, values, colours = [], [], []
    for case, tools in results.items():
        for name, runs in tools.items():
            labels.append('{}\n{}'.format(case.split(' (')[0], name))
            values.append(median(runs, 'train'))
            colours.append('#1f77b4' if name.startswith('ours') else '#ff7f0e')
    figure, axes = plt.subplots(figsize=(9, 0.55 * len(labels) + 1))
    axes.barh(range(len(labels)), values, color=colours)
    axes.set_yticks(range(len(labels)))
    axes.set_yticklabels(labels, fontsize=8)
    axes.invert_yaxis()
    axes.set_xscale('log')
    axes.set_xlabel('training time, seconds (median, log scale); blue: ours')
    for i, v in enumerate(values):
        axes.text(v, i, ' {:.2f} s'.format(v), va='center', fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=110)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--repeats', type=int, default=3, help='runs per tool (default 3)')
    parser.add_argument('--smoke', action='store_true',
                        help='a seconds-long check of the machinery: little data, one epoch')
    parser.add_argument('--out', default=os.path.join(ROOT, 'docs', 'BENCHMARKS.md'),
                        help='the markdown report (default docs/BENCHMARKS.md)')
    options = parser.parse_args()
    command = 'bench/run' + (' --smoke' if options.smoke else '') + (
        ' --repeats {}'.format(options.repeats) if options.repeats != 3 else '')
    results = measure(options.repeats, options.smoke)
    prediction = predictor(options.repeats, options.smoke)
    memory = long_run(options.smoke)
    chart = os.path.join(os.path.dirname(os.path.abspath(options.out)), 'benchmarks.png')
    draw(results, chart)
    text = report(results, prediction, memory, versions(), command, options.repeats,
                  os.path.basename(chart))
    text += kept_by_hand(options.out)
    with open(options.out, 'w') as f:
        f.write(text)
    print(text)


# Sections below this line of the report are measured by other commands (bench/serve) and
# written by hand; a new report keeps them.
BY_HAND = '<!-- Written by hand below this line; bench/run keeps it. -->'


def kept_by_hand(path):
    """The report's hand-written tail, from its marker on; empty when there is none."""
    try:
        with open(path) as f:
            old = f.read()
    except FileNotFoundError:
        return ''
    start = old.find(BY_HAND)
    return '' if start < 0 else '\n' + old[start:]


if __name__ == '__main__':
    main()
