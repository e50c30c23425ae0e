// A procedure whose signature has errors: its body is still checked, and calls to
// it do not cascade into "no matching procedure".
void broken(nowhere x) {           //~ SC2003@13
    uint32 y = undefinedName;      //~ SC2001@16
    uint32 z = x;
}

nowhere alsoBroken() {             //~ SC2003@1
    return 1;
}

void main() {
    broken(1);
    uint32 v = alsoBroken();
}
