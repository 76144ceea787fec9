"""The five tutorials' models in PyTorch, for the round trips of PyTorchRoundTripTest.

  linear_models.py save DIR   trains each model a few steps on seeded random data and saves it
                              both ways, as the seeds save (torch.save of the state dict; T2 and T5:
                              the dict of the hand-made w or W and b) and as TorchScript, with
                              held-out inputs and the model's answers: DIR/NAME.json
  linear_models.py run JOBS_JSON
                              loads each file ExportPyTorch wrote ([{file, format, name, inputs}])
                              and prints their answers to the inputs as a JSON list

An answer is what the model's head makes of its output: the value (T1), sigmoid (T2, T3) or
softmax (T4, T5). Images go in flattened, (N, 784), as the T4 seed reshapes them for nn.Linear.
"""
import json
import sys

import torch
from torch import nn

FEATURES = {"linear-regression": 1, "iris-logistic": 4, "exam-logistic": 2,
            "mnist-logistic": 784, "fashion-mnist-softmax": 784}
OUTPUTS = {"linear-regression": 1, "iris-logistic": 1, "exam-logistic": 1,
           "mnist-logistic": 10, "fashion-mnist-softmax": 10}


def head(name, out):
    if name == "linear-regression":
        return out
    if OUTPUTS[name] == 1:
        return torch.sigmoid(out)
    return torch.softmax(out, dim=1)


class Model(nn.Module):
    """T1's seed: the Linear layer is an attribute, so its keys are linear.weight, linear.bias."""

    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(1, 1)

    def forward(self, x):
        return self.linear(x)


class HandMadeRows(nn.Module):
    """T2's w (1, 4) and b (1,) as a module, so that TorchScript can hold them."""

    def __init__(self, w, b):
        super().__init__()
        self.w = nn.Parameter(w.detach().clone())
        self.b = nn.Parameter(b.detach().clone())

    def forward(self, x):
        return x @ self.w.t() + self.b


class HandMadeColumns(nn.Module):
    """T5's W (784, 10) and b (10,) as a module."""

    def __init__(self, w, b):
        super().__init__()
        self.W = nn.Parameter(w.detach().clone())
        self.b = nn.Parameter(b.detach().clone())

    def forward(self, x):
        return x.reshape(-1, self.W.shape[0]) @ self.W + self.b


def inputs(name, count, generator):
    x = torch.rand(count, FEATURES[name], generator=generator)
    return x * 8 - 2 if name == "iris-logistic" else x


def labels(name, x):
    if name == "linear-regression":
        return 2 * x
    if OUTPUTS[name] == 1:
        return (x.sum(dim=1, keepdim=True) > x.shape[1] / 2).float()
    return (x[:, :10].argmax(dim=1))


def train(name, generator):
    """A few steps of the tutorial's kind of training; returns a module giving raw outputs."""
    x = inputs(name, 64, generator)
    y = labels(name, x)
    if name in ("iris-logistic", "fashion-mnist-softmax"):
        rows = name == "iris-logistic"
        w = (torch.randn(1, 4, generator=generator) if rows
             else torch.normal(0, 0.01, (784, 10), generator=generator)).requires_grad_()
        b = (torch.randn(1, generator=generator) if rows
             else torch.zeros(10)).requires_grad_()
        for _ in range(5):
            if rows:
                loss = nn.functional.binary_cross_entropy_with_logits(x @ w.t() + b, y)
            else:
                loss = nn.functional.cross_entropy(x @ w + b, y)
            loss.backward()
            with torch.no_grad():
                w -= 0.1 * w.grad
                b -= 0.1 * b.grad
                w.grad.zero_()
                b.grad.zero_()
        return (HandMadeRows(w, b) if rows else HandMadeColumns(w, b)), {
            ("w" if rows else "W"): w.detach(), "b": b.detach()}
    model = Model() if name == "linear-regression" else nn.Linear(FEATURES[name], OUTPUTS[name])
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    for _ in range(5):
        out = model(x)
        if name == "linear-regression":
            loss = ((out - y) ** 2).sum()
        elif OUTPUTS[name] == 1:
            loss = nn.functional.binary_cross_entropy_with_logits(out, y)
        else:
            loss = nn.functional.cross_entropy(out, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model, model.state_dict()


def save(directory):
    generator = torch.Generator().manual_seed(0)
    torch.manual_seed(0)
    for name in FEATURES:
        model, state = train(name, generator)
        torch.save(state, f"{directory}/{name}.pt")
        held_out = inputs(name, 5, generator)
        torch.jit.trace(model, held_out).save(f"{directory}/{name}.torchscript.pt")
        with torch.no_grad():
            answers = head(name, model(held_out))
        with open(f"{directory}/{name}.json", "w") as out:
            json.dump({"inputs": held_out.tolist(), "answers": answers.tolist()}, out)


def answer(file, file_format, name, inputs):
    x = torch.tensor(inputs, dtype=torch.float32)
    if file_format == "torchscript":
        model = torch.jit.load(file)
    else:
        state = torch.load(file, weights_only=True)
        if "W" in state:
            model = HandMadeColumns(state["W"], state["b"])
        elif "w" in state:
            model = HandMadeRows(state["w"], state["b"])
        else:
            model = nn.Linear(FEATURES[name], OUTPUTS[name])
            model.load_state_dict(state)
    with torch.no_grad():
        return head(name, model(x)).tolist()


def run(jobs_json):
    with open(jobs_json) as source:
        jobs = json.load(source)
    print(json.dumps([answer(job["file"], job["format"], job["name"], job["inputs"])
                      for job in jobs]))


if __name__ == "__main__":
    print(f"PyTorch {torch.__version__}", file=sys.stderr)
    if sys.argv[1] == "save":
        save(sys.argv[2])
    else:
        run(sys.argv[2])
