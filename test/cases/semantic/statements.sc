// Statements: break/continue in loops, definite return, lvalues, void values (§2).
uint32 ok(bool c) {
    if (c) {
        return 1;
    } else {
        return 2;
    }
}

uint32 loops() {
    while (true) {
        return 1;
    }
}

uint32 missing(bool c) {           //~ SC3018@8
    if (c) {
        return 1;
    }
}

void nothing() {
    return;
}

void valued() {
    return 1;                      //~ SC3016@12
}

uint32 empty() {
    return;                        //~ SC3017@5
}

void main() {
    break;                         //~ SC3019@5
    continue;                      //~ SC3020@5
    for (uint32 i = 0; i < 10; ++i) {
        if (i == 3) continue;
        if (i == 5) break;
    }
    uint32 x = 1;
    x = 2;
    5 = x;                         //~ SC3009@5
    ok(true) = 3;                  //~ SC3009@5
    uint32 y = nothing();          //~ SC3015@16
    x++;
    (x + 1)++;                     //~ SC3009@5
    uint32 x = 4;                  //~ SC2010@12
    {
        uint32 x = 5;
    }
    uint32 z = x, w = z + 1, v;
}
