// A private computation: the salaries are secret-shared, only the total and the
// number of salaries above a threshold are revealed.
import stdlib;
import shared3p;

domain pd_shared3p shared3p;

void main() {
    pd_shared3p uint32[[1]] salaries = argument("salaries");
    uint32 threshold = argument("threshold");
    pd_shared3p uint32 total = sum(salaries);
    pd_shared3p bool[[1]] above = salaries > threshold;
    pd_shared3p uint32[[1]] ones = (uint32) above;
    publish("total", total);
    print("count above = ", declassify(sum(ones)));
    publish("doubled", salaries * 2);
}
