// Arrays: element-wise operations with scalar broadcasting, shapes, reshape,
// concatenation, multi-dimensional indexing, slices and slice assignment.
import stdlib;

void main() {
    uint32[[1]] v = {1, 2, 3, 4, 5, 6};
    uint32[[1]] w = v * 2 + 1;
    printVector(w);
    uint32[[2]] m = reshape(v, 2, 3);
    print("m[1, 2] = ", m[1, 2]);
    uint[[1]] s = shape(m);
    print("shape = ", s[0], "x", s[1], ", size = ", size(m));
    printVector(m[:, 1]);
    printVector(m[1, 1:]);
    m[0, :] = 0;
    printVector(flatten(m));
    uint32[[1]] c = cat(v[0:2], v[4:]);
    printVector(c);
    uint32[[2]] stacked = cat(reshape(v[0:3], 1, 3), reshape(v[3:6], 1, 3), 0);
    print("stacked rows = ", shape(stacked)[0]);
    int64[[1]] zeros(4);
    zeros[1:3] = {7, 8};
    printVector(zeros);
    bool[[1]] big = v > 3;
    printVector(big);
    print("sum = ", sum(v), ", max = ", max(v));
    publish("w", w);
}
