package demo.shop;

/** A user session: what the static map leak keeps. */
record Session(long id, String user, byte[] cart) {}
