package io.campuscrm.institution;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a user enters to create or change a campus. */
public record CampusDraft(
        @NotBlank @Size(max = 120) String name,
        @Size(max = 500) String address,
        @Size(max = 40) String phone,
        boolean active) {
}
