package io.campuscrm.institution.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CampusRepository extends JpaRepository<CampusEntity, Long> {

    Optional<CampusEntity> findByNameIgnoreCase(String name);
}
