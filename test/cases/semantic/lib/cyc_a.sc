// Half of an import cycle.
import cyc_b;

uint32 fromA() {
    return 1;
}
