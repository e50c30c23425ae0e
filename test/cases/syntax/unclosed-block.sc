// A block left open at the end of the file.
void main() {
    if (true) {
        print("x");
    }
//~ SC1100@14