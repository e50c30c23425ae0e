// Imports: search path, missing modules, no transitive re-export (§2).
import geometry;
import missingmodule;              //~ SC2006@8

void main() {
    uint32 a = area(2u32);
    uint32 b = basicValue();       //~ SC2002@16
    uint32 c = BASE;               //~ SC2001@16
}
