// A procedure whose loop body is never closed: the next declaration keyword at the
// start of a line ends the open blocks (reported once), and parsing goes on.
void f() {
    while (true) {
        x = 1;
}

void g() {    //~ SC1100@1
    print("still parsed");
}
