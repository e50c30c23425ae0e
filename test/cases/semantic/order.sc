// Definition order does not matter inside a module (language.md §2).
void main() {
    uint32 a = later(1u32);
    box b;
    b.v = LIMIT;
    uint32 c = useLimit();
}

uint32 useLimit() {
    return LIMIT;
}

uint32 LIMIT = 10;
uint32 EARLY = LATE + 1;           //~ SC2018@16
uint32 LATE = 2;

uint32 later(uint32 x) {
    return x + 1;
}

struct box {
    uint32 v;
}
