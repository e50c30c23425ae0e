// Exactly one `main`.
void main() { }
void main() { }                    //~ SC2012@6 SC5011@6
