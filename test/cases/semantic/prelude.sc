// The usual prelude with the standard library: a realistic program type-checks.
import stdlib;
import shared3p;

domain pd_shared3p shared3p;

pd_shared3p uint32 square(pd_shared3p uint32 x) {
    return x * x;
}

void main() {
    pd_shared3p uint32[[1]] v = argument("v");
    pd_shared3p uint32 s = argument("s");
    pd_shared3p uint32 total = sum(v);
    pd_shared3p uint32 sq = square(s + 1);
    pd_shared3p bool gt = total > sq;
    pd_shared3p uint32 best = total;
    pd_shared3p bool[[1]] conds(3);
    pd_shared3p xor_uint32[[1]] xa(3), xb(3);
    pd_shared3p xor_uint32[[1]] picked = choose(conds, xa, xb);
    pd_shared3p xor_uint32 x = 5;
    pd_shared3p xor_uint32 y = x ^ x;
    pd_shared3p uint64 wide = (uint64) total;
    pd_shared3p fix32 f = 1.5;
    publish("best", best);
    uint32 open = declassify(best);
    print("best = ", open);
    uint32 n = argument("n");
    publish("n", n);
    if (declassify(gt)) {
        print("greater");
    }
    uint32[[1]] pv(3);
    pd_shared3p uint32[[1]] cv = pv;
    pd_shared3p uint32[[1]] both = cat(cv, pv);
    pd_shared3p uint32[[1]] scaled = cv * 3;
}
