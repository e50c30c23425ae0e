// Structs, including a templated struct; structs are values (copied on assignment).
import stdlib;

struct point {
    int32 x;
    int32 y;
}

template <type T>
struct pair {
    T first;
    T second;
}

point moved(point p, int32 dx) {
    p.x = p.x + dx;
    return p;
}

void main() {
    point a;
    a.x = 3;
    a.y = 4;
    point b = moved(a, 10 :: int32);
    print(a.x, ",", a.y, " ", b.x, ",", b.y);
    pair<uint8> q;
    q.first = 250;
    q.second = q.first + 10;
    print(q.first, " ", q.second);
    publish("bx", b.x);
}
