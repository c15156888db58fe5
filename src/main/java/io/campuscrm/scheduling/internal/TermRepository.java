package io.campuscrm.scheduling.internal;

import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TermRepository extends JpaRepository<TermEntity, Long> {

    Optional<TermEntity> findByNameIgnoreCase(String name);

    Slice<TermEntity> findAllBy(Pageable page);

    /** Terms with at least one holiday or closure, counted off the closures' index on their term. */
    @Query("select count(distinct t.id) from TermEntity t join t.closures c")
    long countWithClosures();
}
