package io.campuscrm.scheduling.internal;

import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TermRepository extends JpaRepository<TermEntity, Long> {

    Optional<TermEntity> findByNameIgnoreCase(String name);

    Slice<TermEntity> findAllBy(Pageable page);
}
