// `kind K;` with no type list (as in the original compiler's own tests) declares a
// kind that supports every built-in type (§3.1) but no user type such as xor_uint8;
// definitions may return named types.
kind a3p;
domain pd_a3p a3p;

struct money {
    int64 cents;
}

money add(money a, money b) {
    money r;
    r.cents = a.cents + b.cents;
    return r;
}

pd_a3p int64 operator + (pd_a3p int64 a, pd_a3p int64 b) {
    return a;
}

money operator + (money a, money b) {
    return add(a, b);
}

void main() {
    pd_a3p bool b = true;
    pd_a3p uint8 u = 1;
    pd_a3p float64 f = 1.5;
    pd_a3p int64 x = 2;
    pd_a3p int64 y = x + x;
    pd_a3p xor_uint8 z;            //~ SC2003@12
    money m;
    money n = add(m, m);
}
