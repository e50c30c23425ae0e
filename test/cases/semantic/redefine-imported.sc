// Redefining an imported symbol is an error; overloading an imported procedure is not (§2).
import basics;

uint32 BASE = 1;                   //~ SC2009@8

uint32 basicValue() {              //~ SC2009@8
    return 0;
}

uint32 basicValue(uint32 x) {
    return x;
}

void main() {
    uint32 v = basicValue(3u32);
}
