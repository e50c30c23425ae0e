// An import cycle is reported at the import that closes it (in lib/cyc_b.sc).
import cyc_a;

void main() {
    uint32 a = fromA();
}
