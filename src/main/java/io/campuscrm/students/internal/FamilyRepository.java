package io.campuscrm.students.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FamilyRepository extends JpaRepository<FamilyEntity, Long> {

    Optional<FamilyEntity> findByFamilyNumber(String familyNumber);
}
