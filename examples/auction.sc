// A sealed-bid auction: the bids stay secret; only the winner, the winning bid and
// which bids were above average are revealed. Oblivious selection with choose(),
// private comparisons, a struct with private fields, public-to-private casts.
import stdlib;
import shared3p;

domain pd_shared3p shared3p;

struct best_bid {
    pd_shared3p int32 amount;
    pd_shared3p uint32 bidder;
}

void main() {
    pd_shared3p int32[[1]] bids = argument("bids");
    uint n = size(bids);
    best_bid best;
    best.amount = bids[0];
    best.bidder = 0;
    for (uint i = 1; i < n; ++i) {
        pd_shared3p bool higher = bids[i] > best.amount;
        best.amount = choose(higher, bids[i], best.amount);
        pd_shared3p uint32 index = (uint32) i;
        best.bidder = choose(higher, index, best.bidder);
    }
    pd_shared3p int32 total = sum(bids);
    print("bidders: ", n);
    print("winner: ", declassify(best.bidder));
    publish("winning_bid", best.amount);
    publish("above_average", declassify(bids * (int32) n > total));
}
