fn main() {
    vestnik::start();
}
