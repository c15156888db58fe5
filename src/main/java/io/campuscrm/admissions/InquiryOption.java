package io.campuscrm.admissions;

/** A choice on the public form: a campus or a course, by id and name. */
public record InquiryOption(long id, String name) {
}
