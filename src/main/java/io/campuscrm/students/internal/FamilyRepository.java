package io.campuscrm.students.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FamilyRepository extends JpaRepository<FamilyEntity, Long> {

    Optional<FamilyEntity> findByFamilyNumber(String familyNumber);

    /** A batch of import rows' family numbers at once (uk_family_number). */
    List<FamilyEntity> findByFamilyNumberIn(Collection<String> familyNumbers);
}
