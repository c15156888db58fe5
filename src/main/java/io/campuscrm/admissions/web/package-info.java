/**
 * Admissions' doors to the outside, outside Vaadin: the public inquiry page (plain HTML that a school's website can
 * frame) and the JSON intake endpoint. Both are open without a sign-in and call {@code LeadIntakeService} as the
 * system, which checks the keys, the limits and the fields.
 */
@NullMarked
package io.campuscrm.admissions.web;

import org.jspecify.annotations.NullMarked;
