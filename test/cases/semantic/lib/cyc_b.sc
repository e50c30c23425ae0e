// The other half of an import cycle: this import closes it.
import cyc_a;                      //~ SC2007@8

uint32 fromB() {
    return 2;
}
