"""``cached_property`` for the objects a page check makes by the tens of thousands.

Python 3.11's :func:`functools.cached_property` takes a lock shared by every instance
of the class on each first access (removed in 3.12): on the 100x site that is a quarter
of a million lock round trips for views and sentences that no other thread sees. This
one computes, stores in the instance's ``__dict__`` and is never consulted again for
that instance, exactly as 3.12's does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class cached_property(Generic[T]):
    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> T | cached_property[T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value
