// Default member initialisers, used from another file.
struct scaled {
  int scale = 3;
  float bias = 0.5f;
};
