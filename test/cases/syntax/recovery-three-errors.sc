// Three independent syntax errors in one file: all are reported, and the
// declarations after each error still appear in the tree.
import stdlib;

void first() {
    int x = 1
//~^ SC1100@14
    x = x + ;        //~ SC1101@13
    return;
}

void second() {
    f(1, 2;          //~ SC1100@11
}

void third() {
    uint8 y = 2;
}
