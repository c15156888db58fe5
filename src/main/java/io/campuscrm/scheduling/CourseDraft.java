package io.campuscrm.scheduling;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What an administrator enters for a course. */
public record CourseDraft(
        @NotBlank @Size(max = 30) String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String subject,
        @Size(max = 60) String level,
        @Min(5) @Max(720) int sessionMinutes,
        @NotNull @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal lessonPrice,
        boolean active) {
}
