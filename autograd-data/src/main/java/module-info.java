/**
 * Real data sets shipped with scikit-learn, a CSV loader, train/test splits, standardisation and
 * minibatches. Exports {@code dev.autograd.data}.
 */
module dev.autograd.data {
  requires com.google.common;
  requires org.apache.commons.csv;

  exports dev.autograd.data;
}
