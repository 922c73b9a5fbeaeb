//! Native tests of `core::plural`.

mod tests {
    use vestnik::core::plural::*;

    #[test]
    fn spells_the_examples_from_the_style_guide() {
        assert_eq!(count(1, NEWS), "1 новость");
        assert_eq!(count(3, NEWS), "3 новости");
        assert_eq!(count(25, NEWS), "25 новостей");
        assert_eq!(count(0, NEWS), "0 новостей");
        assert_eq!(count(4, PHOTOS), "4 фотографии");
    }

    /// Every number from 0 to 1000 against the rule written out independently:
    /// by the last digit, with the teens (11–14 of each hundred) always "many".
    #[test]
    fn agrees_for_every_number_up_to_a_thousand() {
        for n in 0..=1000u64 {
            let teen = (11..=19).contains(&(n % 100));
            let expected = match (teen, n % 10) {
                (false, 1) => "новость",
                (false, 2..=4) => "новости",
                _ => "новостей",
            };
            assert_eq!(form(n, NEWS), expected, "n = {n}");
        }
    }

    #[test]
    fn hundreds_and_thousands_follow_the_last_two_digits() {
        assert_eq!(count(101, NEWS), "101 новость");
        assert_eq!(count(111, NEWS), "111 новостей");
        assert_eq!(count(112, NEWS), "112 новостей");
        assert_eq!(count(122, NEWS), "122 новости");
        assert_eq!(count(1_000_001, NEWS), "1000001 новость");
    }
}
