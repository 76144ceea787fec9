"""The accuracy anchor: scikit-learn's multinomial LogisticRegression (lbfgs, C = 1, 100
iterations) on pixels / 255, as SPEC.md measured it."""
import sys
import time
import warnings

import common
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

dataset = sys.argv[1]
t = time.perf_counter()
x, y, x_test, y_test = common.arrays(dataset, common.option('--limit', 0))
data_s = time.perf_counter() - t

model = LogisticRegression(solver='lbfgs', multi_class='multinomial', C=1.0,
                           max_iter=common.option('--max-iter', 100))
t = time.perf_counter()
with warnings.catch_warnings():
    warnings.simplefilter('ignore', ConvergenceWarning)
    model.fit(x, y)
train_s = time.perf_counter() - t
t = time.perf_counter()
accuracy = model.score(x_test, y_test)
eval_s = time.perf_counter() - t
print('{}: test accuracy {:.2f} %'.format(dataset, 100 * accuracy))
common.report(data_s=data_s, train_s=train_s, eval_s=eval_s, accuracy=accuracy)
