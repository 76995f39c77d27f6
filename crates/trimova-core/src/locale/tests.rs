use super::*;

#[test]
fn long_dates_in_each_language() {
    let t = "2024-06-14T10:05:00+03:00";
    assert_eq!(datetime_long(Lang::Uk, t), "14 червня 2024 р. о 10:05");
    assert_eq!(datetime_long(Lang::Ru, t), "14 июня 2024 г. в 10:05");
    assert_eq!(datetime_long(Lang::En, t), "June 14, 2024 at 10:05\u{20}AM");
    assert_eq!(
        datetime_long(Lang::En, "2024-01-02T00:05:00Z"),
        "January 2, 2024 at 12:05\u{20}AM"
    );
    assert_eq!(
        datetime_long(Lang::En, "2024-01-02T12:05:00Z"),
        "January 2, 2024 at 12:05\u{20}PM"
    );
    assert_eq!(
        datetime_long(Lang::En, "2024-01-02T15:45:00-05:00"),
        "January 2, 2024 at 3:45\u{20}PM"
    );
}

#[test]
fn the_time_is_the_newsrooms_own() {
    // The offset in the file is the newsroom's; the date does not move to UTC's.
    assert_eq!(
        date_medium(Lang::Uk, "2026-11-01T00:30:00+02:00"),
        "1 лист. 2026 р."
    );
}

#[test]
fn list_headings() {
    assert_eq!(date_long(Lang::Uk, "2024-06-14"), "14 червня 2024 р.");
    assert_eq!(
        date_long(Lang::En, "2024-06-14T23:10:00+03:00"),
        "June 14, 2024"
    );
    assert_eq!(date_long(Lang::Ru, "2024-06-14"), "14 июня 2024 г.");
    assert_eq!(time_short(Lang::Uk, "2024-06-14T09:05:00+03:00"), "09:05");
    assert_eq!(time_short(Lang::En, "2024-06-14T13:05:00+03:00"), "1:05 PM");
    assert_eq!(month_year(Lang::Uk, 2024, 6), "Червень 2024");
    assert_eq!(month_year(Lang::Ru, 2024, 1), "Январь 2024");
    assert_eq!(month_year(Lang::En, 2024, 12), "December 2024");
}

#[test]
fn medium_dates() {
    assert_eq!(
        date_medium(Lang::Uk, "2024-05-05T12:00:00Z"),
        "5 трав. 2024 р."
    );
    assert_eq!(
        date_medium(Lang::Ru, "2024-05-05T12:00:00Z"),
        "5 мая 2024 г."
    );
    assert_eq!(
        date_medium(Lang::Ru, "2024-09-05T12:00:00Z"),
        "5 сент. 2024 г."
    );
    assert_eq!(date_medium(Lang::En, "2024-09-05T12:00:00Z"), "Sep 5, 2024");
}

#[test]
fn invalid_timestamps_are_shown_as_written() {
    assert_eq!(datetime_long(Lang::Uk, "вчора"), "вчора");
    assert_eq!(
        date_medium(Lang::En, "2024-13-01T00:00:00Z"),
        "2024-13-01T00:00:00Z"
    );
}

#[test]
fn counts_are_grouped_by_thousands() {
    assert_eq!(count(Lang::Uk, 7), "7");
    assert_eq!(count(Lang::Uk, 1234), "1\u{a0}234");
    assert_eq!(count(Lang::Ru, 15772), "15\u{a0}772");
    assert_eq!(count(Lang::En, 1_234_567), "1,234,567");
    assert_eq!(count(Lang::En, 100), "100");
    assert_eq!(count(Lang::En, u64::MAX), "18,446,744,073,709,551,615");
}
