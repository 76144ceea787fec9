"""What one T4 step costs in PyTorch, part by part, on random data of MNIST's size
(microseconds, mean of 5000 steps after 1000 of warm-up): bench/step-costs prints it beside
bench/StepCosts.java's figures for DJL."""
import time

import torch

torch.manual_seed(0)
images, labels = torch.rand(60000, 784), torch.randint(0, 10, (60000,))
model = torch.nn.Linear(784, 10)
optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
criterion = torch.nn.CrossEntropyLoss()
parts = ['gather 100 images and labels, x[index]', 'forward (Linear 784 -> 10)',
         'loss (CrossEntropyLoss)', 'backward', 'optimiser step (zero_grad, SGD)',
         'correct count, argmax == y']
totals = [0.0] * len(parts)
steps, warm_up = 5000, 1000
for step in range(warm_up + steps):
    t = [time.perf_counter()]
    index = torch.randint(0, 60000, (100,))
    x, y = images[index], labels[index]
    t.append(time.perf_counter())
    out = model(x)
    t.append(time.perf_counter())
    loss = criterion(out, y)
    t.append(time.perf_counter())
    loss.backward()
    t.append(time.perf_counter())
    optimizer.step()
    optimizer.zero_grad()
    t.append(time.perf_counter())
    (out.argmax(1) == y).sum()
    t.append(time.perf_counter())
    if step >= warm_up:
        for i in range(len(parts)):
            totals[i] += t[i + 1] - t[i]
print('PyTorch {} ({} intra-op thread)'.format(torch.__version__, torch.get_num_threads()))
for part, total in zip(parts, totals):
    print('{:<58} {:7.1f} us'.format(part, total / steps * 1e6))
