// @deprecated procedures warn at each call (§2).
@deprecated("use newer instead")
uint32 older(uint32 x) {
    return x;
}

template <type T>
@deprecated
T olderT(T x) {
    return x;
}

uint32 newer(uint32 x) {
    return x;
}

void main() {
    uint32 a = older(1u32);        //~ SC5012@16
    uint32 b = olderT(a);          //~ SC5012@16
    uint32 c = newer(a);
}
