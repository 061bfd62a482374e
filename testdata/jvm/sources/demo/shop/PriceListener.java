package demo.shop;

import java.util.function.DoubleUnaryOperator;

/** A listener registered on the feed for each request and never removed. */
final class PriceListener {
  final long owner;
  final DoubleUnaryOperator markup;
  double last;

  PriceListener(long owner, DoubleUnaryOperator markup) {
    this.owner = owner;
    this.markup = markup;
  }

  void onPrice(double price) {
    last = markup.applyAsDouble(price);
  }
}
